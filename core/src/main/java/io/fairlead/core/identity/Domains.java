package io.fairlead.core.identity;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.text.Normalizer;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web and e-mail domain normalisers behind {@link Normalizers#webDomain} and {@link
 * Normalizers#emailDomain}: a host name is taken out of its URL or address, turned to ASCII
 * (punycode) and cut to its registrable domain with the Public Suffix List that Guava ships.
 */
final class Domains {

  private Domains() {}

  private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
  private static final Pattern PORT = Pattern.compile(":[0-9]*$");
  private static final Pattern NAMED_ADDRESS = Pattern.compile("^.*<([^<>]*)>$");
  private static final Pattern WILDCARD = Pattern.compile("[a-z0-9]+(-+[a-z0-9]+)*\\.\\*");

  /** The registrable domain of a URL or host name, or empty when it names no domain. */
  static Optional<String> webDomain(String url) {
    String s = prepare(url);
    Matcher scheme = SCHEME.matcher(s);
    if (scheme.find()) {
      s = s.substring(scheme.end());
    } else if (s.startsWith("//")) {
      s = s.substring(2);
    }
    int end = indexOfAny(s, "/?#\\");
    String authority = end < 0 ? s : s.substring(0, end);
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    host = PORT.matcher(host).replaceFirst("");
    return hostOf(host).map(h -> h.topPrivateDomain().toString());
  }

  /**
   * The registrable domain of an e-mail address ({@code local@domain}, possibly as {@code Name
   * <local@domain>} or {@code mailto:local@domain}), or empty when it is no address or its domain
   * is in {@code freeMail} (validated entries).
   */
  static Optional<String> emailDomain(String address, Set<String> freeMail) {
    String s = prepare(address);
    Matcher named = NAMED_ADDRESS.matcher(s);
    if (named.matches()) {
      s = named.group(1).strip();
    }
    if (s.startsWith("mailto:")) {
      s = s.substring("mailto:".length());
    }
    int at = s.lastIndexOf('@');
    if (at <= 0 || indexOfAny(s, " \t\n\r<>") >= 0) {
      return Optional.empty();
    }
    String domain = s.substring(at + 1);
    if (indexOfAny(domain, "/?#:[]") >= 0) {
      return Optional.empty();
    }
    return hostOf(domain)
        .filter(h -> !isFreeMail(h, freeMail))
        .map(h -> h.topPrivateDomain().toString());
  }

  /** NFKC (full-width letters and dots), ideographic full stops as dots, trimmed, lower case. */
  private static String prepare(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC)
        .replace('。', '.')
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  /**
   * The host name in ASCII if it is a domain under a public suffix (not an IP address, not a bare
   * public suffix such as {@code co.uk}, not {@code localhost}); one trailing dot is allowed.
   */
  private static Optional<InternetDomainName> hostOf(String host) {
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty() || host.endsWith(".") || host.chars().anyMatch(Character::isWhitespace)) {
      return Optional.empty();
    }
    String ascii;
    try {
      ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not a host name: no key
    }
    if (!InternetDomainName.isValid(ascii)) {
      return Optional.empty();
    }
    InternetDomainName name = InternetDomainName.from(ascii);
    return name.isUnderPublicSuffix() ? Optional.of(name) : Optional.empty();
  }

  private static boolean isFreeMail(InternetDomainName host, Set<String> freeMail) {
    String full = host.toString();
    String firstLabel = host.topPrivateDomain().parts().get(0);
    for (String entry : freeMail) {
      if (entry.endsWith(".*")
          ? firstLabel.equals(entry.substring(0, entry.length() - 2))
          : full.equals(entry) || full.endsWith("." + entry)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks a list of free-mail domains: each a lower-case ASCII domain under a public suffix
   * ({@code gmail.com}, {@code vip.163.com}) or a label and {@code .*} ({@code yahoo.*}).
   */
  static Set<String> freeMailList(Collection<String> domains) {
    checkArgument(domains != null, "free-mail domains must not be null");
    Set<String> out = new TreeSet<>();
    for (String d : domains) {
      checkArgument(
          d != null && (WILDCARD.matcher(d).matches() || isNormalHost(d)),
          "free-mail domain must be a lower-case ASCII domain such as 'gmail.com' or a label and"
              + " '.*' such as 'yahoo.*', was '%s'",
          d);
      out.add(d);
    }
    return Collections.unmodifiableSet(out);
  }

  private static boolean isNormalHost(String d) {
    return !d.endsWith(".") && hostOf(d).map(h -> h.toString().equals(d)).orElse(false);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
