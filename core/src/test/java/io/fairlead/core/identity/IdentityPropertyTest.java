package io.fairlead.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Properties of the normalisers over generated text: normal forms are their own normal forms and
 * valid keys, and the dressing people put around a name, domain or number never changes its key.
 * Seeds are fixed; QuickTheories prints the seed and the falsifying value.
 */
class IdentityPropertyTest {

  private static final long SEED = 20_240_808L;
  private static final int EXAMPLES = 2_000;

  private static final List<KeyKind> KINDS =
      List.of(
          KeyKind.COMPANY_NAME,
          KeyKind.WEB_DOMAIN,
          KeyKind.EMAIL_DOMAIN,
          KeyKind.PHONE,
          KeyKind.USCC,
          KeyKind.TAX_ID);

  private static final List<Function<String, Optional<String>>> NORMALISERS =
      List.of(
          Normalizers::companyName,
          Normalizers::webDomain,
          Normalizers::emailDomain,
          t -> Normalizers.phone(t, 86),
          Normalizers::uscc,
          Normalizers::taxId);

  @Test
  void normalisers_anyText_neverThrow_andNormalFormsAreFixedPointsAndValidKeys() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(messyText())
        .checkAssert(
            text -> {
              for (int i = 0; i < KINDS.size(); i++) {
                Optional<String> once = NORMALISERS.get(i).apply(text);
                if (once.isPresent()) {
                  String key = once.get();
                  KeyKind kind = KINDS.get(i);
                  assertThat(Normalizers.normalFormOf(kind, key)).as(kind.name()).contains(key);
                  assertThat(EntityKey.of(kind, key).value()).isEqualTo(key);
                  if (kind != KeyKind.PHONE && kind != KeyKind.EMAIL_DOMAIN) {
                    assertThat(NORMALISERS.get(i).apply(key)).as(kind.name()).contains(key);
                  }
                }
              }
            });
  }

  @Test
  void normalisers_arbitraryUnicode_neverThrow() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(strings().allPossible().ofLengthBetween(0, 40))
        .checkAssert(
            text -> {
              for (Function<String, Optional<String>> n : NORMALISERS) {
                assertThat(n.apply(text)).isNotNull();
              }
            });
  }

  /** A name and the same name as people write it. */
  record Dressed(String plain, String dressed) {}

  @Test
  void companyName_suffixesCaseSpacingAndPunctuation_neverChangeTheKey() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(dressedNames())
        .checkAssert(
            n -> {
              Optional<String> key = Normalizers.companyName(n.plain());
              assertThat(key).isPresent();
              assertThat(Normalizers.companyName(n.dressed())).isEqualTo(key);
            });
  }

  @Test
  void webDomain_anyUrlDressing_givesOneKey_andEmailsAtItTheSame() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(dressedDomains())
        .checkAssert(
            d -> {
              Optional<String> key = Normalizers.webDomain(d.plain());
              assertThat(key).isPresent();
              assertThat(Normalizers.webDomain(d.dressed())).isEqualTo(key);
              String authority = d.dressed().replaceFirst("^[^/]*//", "").split("[/?#]")[0];
              String host = authority.substring(authority.lastIndexOf('@') + 1).split(":")[0];
              assertThat(Normalizers.emailDomain("Someone.Else@" + host)).isEqualTo(key);
            });
  }

  /** A country, its national significant number, and one way of writing it. */
  record Written(int country, String national, String written) {}

  @Test
  void phone_anyNotation_givesCallingCodeAndNationalNumber() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(writtenPhones())
        .checkAssert(
            p ->
                assertThat(Normalizers.phone(p.written(), p.country()))
                    .contains(p.country() + p.national()));
  }

  @Test
  void uscc_randomValidCodes_areAccepted_andAnyOneChangeIsCaught() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(validCreditCodes(), integers().between(0, 17), integers().between(1, 30))
        .checkAssert(
            (code, position, shift) -> {
              assertThat(Normalizers.uscc(code)).contains(code);
              assertThat(Normalizers.uscc(code.toLowerCase(Locale.ROOT))).contains(code);
              String alphabet = TaxIds.USCC_ALPHABET;
              char other = alphabet.charAt((alphabet.indexOf(code.charAt(position)) + shift) % 31);
              String changed = code.substring(0, position) + other + code.substring(position + 1);
              assertThat(Normalizers.uscc(changed)).as(changed).isEmpty();
            });
  }

  // Generators

  private static final String[] FRAGMENTS = {
    "Acme",
    "acme",
    "Ltd",
    "ltd.",
    "Co.,",
    "Inc",
    "GmbH",
    "&",
    "and",
    "The",
    "the",
    "S.A.",
    "L",
    "TD",
    "有限公司",
    "分公司",
    "北京",
    "集团",
    "华为",
    "株式会社",
    "(株)",
    "주식회사",
    "(",
    ")",
    "（",
    "）",
    " ",
    "  ",
    ",",
    ".",
    "-",
    "/",
    "'",
    "’",
    "www.",
    "http://",
    "https://",
    ".com",
    ".co.uk",
    ".中国",
    "例子",
    "@",
    "gmail",
    "qq",
    "mailto:",
    "<",
    ">",
    ":",
    "8080",
    "?",
    "#",
    "+",
    "+86",
    "00",
    "0",
    "1",
    "86",
    "138",
    "0013",
    "8000",
    "x",
    "ext.",
    "转",
    "tel:",
    "9144",
    "0300",
    "7084",
    "6113",
    "6T",
    "DE",
    "ß",
    "é",
    "Ｌｔｄ",
    "１２３",
    "。",
    "\t",
    "\u00a0",
    "\u3000",
    "n/a",
    "Group",
    "Holdings",
    "branch",
    "Branch",
    "xn--",
    "İ",
    "ı",
    "\uD83D\uDE00"
  };

  /** Text made of the fragments the normalisers react to, and of random characters. */
  static Gen<String> messyText() {
    return in -> {
      StringBuilder s = new StringBuilder();
      int parts = between(in, 0, 8);
      for (int i = 0; i < parts; i++) {
        if (chance(in, 5)) {
          s.appendCodePoint(between(in, 0x20, 0x2FFF));
        } else {
          s.append(pick(in, FRAGMENTS));
        }
      }
      return s.toString();
    };
  }

  private static final String[] NAME_WORDS = {
    "Acme", "Huawei", "Technologies", "Nordic", "Pacific", "Bright", "Star", "Müller", "Société",
    "Générale", "Zhongguancun", "Alpha", "Lotus", "Xiaomi", "Kunlun", "Orion", "Ridge", "Delta",
    "Café", "Øresund", "O'Brien", "X5"
  };

  private static final String[] CJK_NAMES = {
    "华为技术", "腾讯", "阿里巴巴", "海尔智家", "深圳市某某科技", "台灣積體電路製造", "日立製作所", "トヨタ自動車",
  };

  private static final String[] SUFFIXES = {
    " Inc.",
    " Inc",
    ", Inc.",
    " Incorporated",
    " Corp.",
    " Corporation",
    " Co.",
    " Company",
    " Co., Ltd.",
    " Co.,Ltd",
    " Ltd",
    " Ltd.",
    " Limited",
    " LLC",
    ", L.L.C.",
    " LLP",
    " PLC",
    " GmbH",
    " GmbH & Co. KG",
    " AG",
    " SA",
    " S.A.",
    " SARL",
    " S.r.l.",
    " BV",
    " B.V.",
    " NV",
    " Pty Ltd",
    " Oy",
    " AB",
    " AB (publ)",
    " KK",
    " A/S",
    " SE",
    " Group",
    " Holdings",
    " Holding",
    "有限公司",
    "股份有限公司",
    "有限责任公司",
    "集团",
    "集团有限公司",
    "公司",
    "控股有限公司",
    " 有限公司",
    "（集团）股份有限公司",
    "株式会社"
  };

  /** A plain name and the same name with suffixes, "The", case, spacing and punctuation. */
  static Gen<Dressed> dressedNames() {
    return in -> {
      String plain;
      if (chance(in, 3)) {
        plain = pick(in, CJK_NAMES);
      } else {
        StringBuilder b = new StringBuilder(pick(in, NAME_WORDS));
        for (int i = between(in, 0, 2); i > 0; i--) {
          b.append(' ').append(pick(in, NAME_WORDS));
        }
        plain = b.toString();
      }
      StringBuilder d = new StringBuilder();
      if (chance(in, 3)) {
        d.append(pick(in, new String[] {"The ", "THE ", "the  "}));
      }
      for (String word : plain.split(" ")) {
        if (d.length() > 0 && !d.toString().endsWith(" ")) {
          d.append(pick(in, new String[] {" ", "  ", " - ", ", ", " / ", "\t", "\u3000"}));
        }
        d.append(word);
      }
      for (int i = between(in, 0, 3); i > 0; i--) {
        d.append(pick(in, SUFFIXES));
      }
      if (chance(in, 4)) {
        d.append(pick(in, new String[] {".", " ", ",", " (", "  "}));
      }
      String dressed = d.toString();
      if (chance(in, 2)) {
        dressed = randomCase(in, dressed);
      }
      if (chance(in, 5)) {
        dressed = fullWidth(dressed);
      }
      if (chance(in, 4)) {
        dressed = "  " + dressed + " ";
      }
      return new Dressed(plain, dressed);
    };
  }

  private static final String[] DOMAINS = {
    "example.com",
    "example.co.uk",
    "huawei.com.cn",
    "tencent.com",
    "例子.中国",
    "müller.de",
    "acme.github.io",
    "ox.ac.uk",
    "xn--fsqu00a.xn--fiqs8s",
    "a-b.io"
  };

  /** A registrable domain and a URL at it: scheme, user, subdomain, case, port, path, query. */
  static Gen<Dressed> dressedDomains() {
    return in -> {
      String domain = pick(in, DOMAINS);
      StringBuilder d = new StringBuilder();
      d.append(pick(in, new String[] {"", "", "http://", "https://", "HTTPS://", "//", "ftp://"}));
      if (d.length() > 0 && chance(in, 6)) {
        d.append("user:secret@");
      }
      d.append(pick(in, new String[] {"", "", "www.", "WWW.", "www2.", "shop.", "a.b."}));
      d.append(chance(in, 2) ? domain.toUpperCase(Locale.ROOT) : domain);
      if (chance(in, 4)) {
        d.append('.');
      }
      if (chance(in, 4)) {
        d.append(':').append(between(in, 1, 65_535));
      }
      d.append(pick(in, new String[] {"", "/", "/path/to", "/index.html", "/a?b=c", "?q", "#top"}));
      return new Dressed(domain, d.toString());
    };
  }

  /** A phone number of one of four countries, written in one of its usual notations. */
  static Gen<Written> writtenPhones() {
    return in -> {
      int country = pick(in, new Integer[] {86, 1, 44, 49});
      String national;
      switch (country) {
        case 86 ->
            national =
                chance(in, 2) ? "1" + between(in, 3, 9) + digits(in, 9) : "10" + digits(in, 8);
        case 1 -> national = between(in, 2, 9) + digits(in, 2) + between(in, 2, 9) + digits(in, 6);
        case 44 -> national = (chance(in, 2) ? "20" : "7" + between(in, 1, 9)) + digits(in, 8);
        default -> national = "30" + digits(in, between(in, 6, 8));
      }
      String tail = (country + national).substring(3);
      if (tail.chars().allMatch(c -> c == tail.charAt(0))) { // a placeholder, rightly refused
        char last = national.charAt(national.length() - 1);
        national = national.substring(0, national.length() - 1) + (last == '9' ? '8' : '9');
      }
      String grouped = group(in, national);
      String written;
      switch (between(in, 0, 3)) {
        case 0 -> written = "+" + country + sep(in) + grouped;
        case 1 -> written = "00" + sep(in) + country + sep(in) + grouped;
        case 2 ->
            written = country == 1 ? "+1 " + grouped : "+" + country + " (0)" + sep(in) + grouped;
        default ->
            written =
                country == 1
                    ? (chance(in, 2) ? "1" + sep(in) : "") + grouped
                    : (country == 86 && national.startsWith("1") ? "" : "0") + grouped;
      }
      if (chance(in, 4)) {
        written += pick(in, new String[] {" x", " ext. ", "#", "转", ", "}) + digits(in, 3);
      }
      return new Written(country, national, written);
    };
  }

  /** Codes built from random characters with the check character of GB 32100-2015. */
  static Gen<String> validCreditCodes() {
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}; // the table
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    return in -> {
      StringBuilder code = new StringBuilder();
      int sum = 0;
      for (int i = 0; i < 17; i++) {
        int value = i >= 2 && i < 8 ? between(in, 0, 9) : between(in, 0, 30);
        code.append(alphabet.charAt(value));
        sum += value * weights[i];
      }
      int check = 31 - sum % 31;
      return code.append(alphabet.charAt(check == 31 ? 0 : check)).toString();
    };
  }

  private static String group(RandomnessSource in, String digits) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    boolean brackets = chance(in, 4);
    while (i < digits.length()) {
      int n = Math.min(digits.length() - i, between(in, 2, 4));
      String part = digits.substring(i, i + n);
      out.append(brackets && i == 0 ? "(" + part + ")" : part);
      i += n;
      if (i < digits.length()) {
        out.append(sep(in));
      }
    }
    return out.toString();
  }

  private static String sep(RandomnessSource in) {
    return pick(in, new String[] {"", " ", "-", ".", " - ", "/"});
  }

  private static String digits(RandomnessSource in, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(between(in, 0, 9));
    }
    return s.toString();
  }

  private static String randomCase(RandomnessSource in, String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(chance(in, 2) ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return out.toString();
  }

  /** ASCII as typed with a Chinese input method: U+FF01..U+FF5E, and the ideographic space. */
  private static String fullWidth(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c == ' ' ? '\u3000' : c > ' ' && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c);
    }
    return out.toString();
  }

  private static int between(RandomnessSource in, int lo, int hi) {
    return integers().between(lo, hi).generate(in);
  }

  private static boolean chance(RandomnessSource in, int oneIn) {
    return between(in, 1, oneIn) == 1;
  }

  private static <T> T pick(RandomnessSource in, T[] values) {
    return values[between(in, 0, values.length - 1)];
  }
}
