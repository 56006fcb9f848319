package io.fairlead.core.identity;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The normal forms of the built-in {@link KeyKind kinds}: each function takes what a person or a
 * CRM typed and returns the value of its key, or empty when the text gives no key (it is not a
 * name, domain, number or code, or it says nothing about who the customer is, like a gmail
 * address). None throws for bad text; all are pure, deterministic and thread-safe. A key's value is
 * its own normal form: {@code companyName}, {@code webDomain}, {@code uscc} and {@code taxId} give
 * their result back unchanged, {@code webDomain} gives an e-mail domain back, and {@code phone}
 * gives its result back when it is read with a "+" in front.
 *
 * <pre>{@code
 * Normalizers.companyName("Huawei Technologies Co., Ltd.")    // "huaweitechnologies"
 * Normalizers.companyName("华为技术有限公司")                      // "华为技术"
 * Normalizers.webDomain("https://www.Example.co.uk/path?q")   // "example.co.uk"
 * Normalizers.emailDomain("Li.Wei@Huawei.com")                // "huawei.com"
 * Normalizers.emailDomain("li.wei@gmail.com")                 // empty: free mail
 * Normalizers.phone("138 0013 8000", 86)                      // "8613800138000"
 * Normalizers.uscc("91440300 708461136T")                     // "91440300708461136T"
 * Normalizers.taxId("DE 123 456 789")                         // "DE123456789"
 * }</pre>
 *
 * <p>The rules, and the judgement calls in them, are in {@code docs/identity-keys.md}.
 *
 * @since 0.1.0
 */
public final class Normalizers {

  private Normalizers() {}

  /**
   * The free-mail and consumer e-mail domains that give no {@link KeyKind#EMAIL_DOMAIN} key (two
   * people with gmail addresses are not one company), sorted. An entry is a domain, which also
   * covers its subdomains ({@code 163.com} covers {@code vip.163.com}), or a label and {@code .*},
   * which covers that label under any public suffix ({@code yahoo.*} covers {@code yahoo.co.jp}).
   * Replace or extend it with {@link #emailDomain(String, Collection)} or {@link
   * EntityKeys.Builder#freeMailDomains}.
   */
  public static final Set<String> FREE_MAIL_DOMAINS =
      Domains.freeMailList(
          List.of(
              String.join(
                      " ",
                      // global
                      "gmail.com googlemail.com outlook.* hotmail.* live.* msn.com yahoo.* ymail.com",
                      "rocketmail.com aol.* icloud.com me.com mac.com mail.com protonmail.com",
                      "proton.me pm.me tutanota.com fastmail.com zohomail.com gmx.* yandex.* ya.ru",
                      "mail.ru",
                      // China
                      "qq.com foxmail.com 163.com 126.com yeah.net 188.com sina.com sina.cn sohu.com",
                      "aliyun.com 139.com 189.cn wo.cn tom.com 21cn.com",
                      // Korea, India, Europe, North America, Australia: consumer and ISP mail
                      "naver.com daum.net hanmail.net rediffmail.com web.de t-online.de orange.fr",
                      "wanadoo.fr free.fr laposte.net libero.it seznam.cz wp.pl btinternet.com",
                      "comcast.net verizon.net att.net sbcglobal.net bigpond.com")
                  .split(" ")));

  /**
   * The key of a company name: Unicode NFKC (full width to half width), lower case ({@link
   * java.util.Locale#ROOT}), Latin accents and ligatures folded ("Nestlé" is "nestle", "ß" is
   * "ss"); {@code &}, {@code +} and the word "and" dropped; legal forms and group words stripped
   * where they end the name, as many as there are ("Co., Ltd.", {@code GmbH & Co. KG}, "股份有限公司",
   * "集团", "Group", "Holdings"); a leading "The" (and "PT", "ООО", 株式会社) stripped; a branch cut off
   * after the legal form before it ("…有限公司北京分公司", "… Ltd Shanghai Branch"); the remaining letters
   * and digits joined without spaces or punctuation.
   *
   * <p>Empty when nothing is left (a name that is only a legal form, like "Ltd" or "有限公司", names no
   * one) or the name is a placeholder ("N/A", "none", "unknown", "test", "无", "未知", "个人").
   */
  public static Optional<String> companyName(String name) {
    return CompanyNames.normalize(requireNonNull(name, "company name"));
  }

  /**
   * The key of a website: the registrable domain (the name under its public suffix, per the Public
   * Suffix List bundled with Guava) of a URL or host name, in ASCII ({@link java.net.IDN} punycode)
   * and lower case: scheme, user, port, path, query, fragment, "www." and any other subdomain and
   * one trailing dot dropped. {@code "https://www.Example.co.uk/path?q"}, {@code
   * "shop.example.co.uk"} and {@code "EXAMPLE.CO.UK."} all give {@code "example.co.uk"}; {@code
   * "acme.github.io"} stays itself ({@code github.io} is a public suffix).
   *
   * <p>Empty for what is not a domain: text with spaces, a bare name ({@code "localhost"}, {@code
   * "acme"}), a public suffix alone ({@code "co.uk"}), an IP address, a name under no known suffix
   * ({@code "acme.internal"}).
   */
  public static Optional<String> webDomain(String url) {
    return Domains.webDomain(requireNonNull(url, "web address"));
  }

  /**
   * The key of an e-mail address: the registrable domain of its domain part, as {@link #webDomain}
   * gives it ({@code "Li.Wei@Huawei.com"} and {@code "li@mail.huawei.com"} give {@code
   * "huawei.com"}); accepts {@code "Li Wei <li.wei@huawei.com>"} and {@code mailto:}. Empty for
   * what is not an address and for the domains in {@link #FREE_MAIL_DOMAINS}.
   */
  public static Optional<String> emailDomain(String address) {
    return Domains.emailDomain(requireNonNull(address, "e-mail address"), FREE_MAIL_DOMAINS);
  }

  /**
   * As {@link #emailDomain(String)}, with the host's own list of free-mail domains instead of
   * {@link #FREE_MAIL_DOMAINS} (an empty list gives every address's domain).
   *
   * @throws IllegalArgumentException if an entry is neither a lower-case ASCII domain nor a label
   *     and {@code .*}
   */
  public static Optional<String> emailDomain(String address, Collection<String> freeMailDomains) {
    return Domains.emailDomain(
        requireNonNull(address, "e-mail address"), Domains.freeMailList(freeMailDomains));
  }

  /**
   * As {@link #phone(String, int)} with no default country: a number written without its country
   * calling code (without "+" or "00") gives no key.
   */
  public static Optional<String> phone(String phone) {
    return Phones.normalize(requireNonNull(phone, "phone number"), 0);
  }

  /**
   * The key of a phone number: its country calling code and national number as digits, {@code
   * "8613800138000"} for {@code "+86 138-0013-8000"}, {@code "0086 13800138000"} and (default 86)
   * {@code "138 0013 8000"}.
   *
   * <ul>
   *   <li>International notation: "+", or the prefix "00" (and "011" when the default is 1); a
   *       trunk prefix written "(0)" is dropped ({@code "+44 (0)20 7946 0018"}).
   *   <li>National notation: the default calling code is put in front, after dropping the trunk
   *       prefix: a leading 0 (none for Italy, 39; "1" of an 11-digit number for North America, 1;
   *       "8" of an 11-digit number for Russia and Kazakhstan, 7).
   *   <li>Separators (spaces, "-", ".", "/", brackets) are ignored; so is an extension at the end
   *       ("x12", "ext. 12", "#12", ", 12", "转12", "分机12"); a leading {@code tel:} is allowed.
   *   <li>Length: 8 to 15 digits in all; and 10 digits after +1 (North America) and +7 (Russia,
   *       Kazakhstan), 10 or 11 after +86 (China), so that a local number typed without its area
   *       code ({@code "8888 8888"}, {@code "555-0132"}) gives no key. For these three a national
   *       number too long by its calling code is read as international ({@code "86 138 0013
   *       8000"}).
   *   <li>Empty for anything else: letters or other text, a "+" inside, a calling code starting
   *       with 0, a placeholder (the digits after the first three all one digit: "+86 111 1111
   *       1111", "+1 555 555 5555").
   * </ul>
   *
   * <p>It knows no other numbering plan: it does not check that the calling code exists or that the
   * national number is valid in that country; elsewhere, a national number that repeats the calling
   * code without "+" or "00" ({@code "44 20 7946 0018"}) gets the default code twice. It is a key,
   * not E.164 validation.
   *
   * @param defaultCallingCode the country calling code of numbers written nationally, in {@code [1,
   *     999]}
   * @throws IllegalArgumentException if the default calling code is out of range
   */
  public static Optional<String> phone(String phone, int defaultCallingCode) {
    checkCallingCode(defaultCallingCode);
    return Phones.normalize(requireNonNull(phone, "phone number"), defaultCallingCode);
  }

  /**
   * The key of a Chinese unified social credit code (统一社会信用代码), upper case without spaces or
   * hyphens, if its check character is right per GB 32100-2015: 18 characters from {@code 0-9A-Z}
   * without I, O, S, V and Z; characters 3 to 8 (the administrative division) digits; the 18th the
   * check character of the first 17. Empty otherwise; such a code, typed wrong, may still give a
   * {@link #taxId generic key}.
   */
  public static Optional<String> uscc(String code) {
    return TaxIds.uscc(requireNonNull(code, "credit code"));
  }

  /**
   * The key of any other tax or registration number (EU VAT numbers, EINs, company numbers): NFKC,
   * upper case, with spaces, "-", ".", "/" and "_" removed ({@code "DE 123 456 789"} gives {@code
   * "DE123456789"}). Empty unless the result is 5 to 30 ASCII letters and digits with at least one
   * digit and not one character repeated. Nothing is checked against any country's rules, and no
   * label is removed ({@code "VAT: DE123456789"} gives no key).
   */
  public static Optional<String> taxId(String code) {
    return TaxIds.taxId(requireNonNull(code, "tax id"));
  }

  static void checkCallingCode(int callingCode) {
    checkArgument(
        callingCode >= 1 && callingCode <= 999,
        "default calling code must be in [1, 999], was %s",
        callingCode);
  }

  /** The normal form of a value of a built-in kind: what a key of that kind must hold. */
  static Optional<String> normalFormOf(KeyKind kind, String value) {
    switch (kind.name()) {
      case "company-name":
        return companyName(value);
      case "web-domain":
      case "email-domain":
        return webDomain(value);
      case "phone":
        return phone(value.chars().allMatch(c -> c >= '0' && c <= '9') ? "+" + value : value);
      case "uscc":
        return uscc(value);
      case "tax-id":
        return taxId(value);
      default:
        throw new IllegalArgumentException("not a built-in kind: " + kind);
    }
  }

  /** The normaliser of a built-in kind, for messages. */
  static String nameOf(KeyKind kind) {
    switch (kind.name()) {
      case "company-name":
        return "Normalizers.companyName";
      case "phone":
        return "Normalizers.phone";
      case "uscc":
        return "Normalizers.uscc";
      case "tax-id":
        return "Normalizers.taxId";
      default:
        return "Normalizers.webDomain";
    }
  }
}
