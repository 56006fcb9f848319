package io.fairlead.core.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The company-name normaliser behind {@link Normalizers#companyName}: folds case, width and Latin
 * accents, splits the name into words, cuts a branch off, strips legal and group suffixes (and a
 * leading "The") until none is left, and joins what remains without spaces.
 */
final class CompanyNames {

  private CompanyNames() {}

  /** Latin legal forms and group words, each one word (dots already removed: "L.L.C." is "llc"). */
  static final Set<String> SUFFIX_WORDS =
      wordSet(
          // English-speaking countries, and English names of Asian companies
          "inc incorporated corp corporation co company coltd ltd limited llc llp lp lllp plc pllc",
          "pty pte pvt bhd",
          // Germany, Austria, Switzerland
          "gmbh mbh ag kg kgaa ohg ug haftungsbeschrankt aktiengesellschaft",
          // France, Spain, Italy, Portugal, Latin America
          "sa sas sasu sarl eurl sl slu sau srl srls spa ltda lda eireli",
          // Benelux, the Nordic countries, Central and Eastern Europe, the EU
          "bv nv bvba cvba cv oy oyj ab publ aktiebolag aktiebolaget as asa aps hf ehf",
          "sro kft zrt nyrt doo se ooo jsc ojsc pjsc cjsc",
          // Japan (romanised), Indonesia
          "kk kabushikigaisha tbk",
          // group words: a group and its members are one customer
          "group holding holdings");

  /** Legal forms of more than one word; the longest match is stripped first. */
  static final List<List<String>> SUFFIX_PHRASES =
      Stream.of(
              "public limited company",
              "limited liability company",
              "limited liability partnership",
              "gesellschaft mit beschrankter haftung",
              "kabushiki kaisha",
              "kabushiki gaisha",
              "private limited",
              "sdn bhd",
              "sa de cv",
              "sab de cv",
              "sapi de cv",
              "s de rl de cv",
              "s de rl",
              "sp z oo",
              "spol s ro",
              "societe anonyme",
              "sociedad anonima",
              "l l c",
              "s a",
              "a s",
              "s r l",
              "s p a",
              "b v",
              "n v")
          .map(p -> List.of(p.split(" ")))
          .sorted(Comparator.comparingInt(List<String>::size).reversed())
          .toList();

  /** Words stripped where they start the name. */
  static final Set<String> PREFIX_WORDS = Set.of("the", "pt", "ооо", "оао", "зао", "пао");

  /**
   * Chinese (simplified and traditional), Japanese and Korean legal forms and group words, written
   * with or without a space before them, stripped where they end the name; the longest match first.
   */
  static final List<String> CJK_SUFFIXES =
      wordSet(
              // simplified Chinese
              "股份有限公司 有限责任公司 有限公司 股份公司 总公司 公司 集团 控股 有限合伙 普通合伙 合伙企业",
              // traditional Chinese (where it differs)
              "有限責任公司 總公司 集團 有限合夥 普通合夥 合夥企業",
              // Japanese, Korean
              "株式会社 有限会社 合同会社 주식회사 유한회사")
          .stream()
          .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
          .toList();

  /** Japanese and Korean legal forms that may also start the name (株式会社日立製作所). */
  static final List<String> CJK_PREFIXES = List.of("株式会社", "有限会社", "合同会社", "주식회사", "유한회사");

  /** Branch words: a branch (分公司) is no legal person; it is part of the company it names. */
  private static final String CJK_BRANCH = "(分公司|分行|支行|分店|分厂|分部|办事处|辦事處|代表处|代表處|营业部|營業部)";

  /** A company (ending in a legal form or group word), then a place, then a branch word. */
  private static final Pattern CJK_BRANCH_OF_COMPANY =
      Pattern.compile("^(.*(?:公司|集团|集團))(.*)" + CJK_BRANCH + "$");

  private static final Pattern ENDS_WITH_CJK_BRANCH = Pattern.compile(".*" + CJK_BRANCH + "$");

  /** Names that say there is no name. */
  static final Set<String> PLACEHOLDERS =
      wordSet("na none null nil unknown tbd tba test", "无 暂无 未知 个人 测试");

  private static final Pattern SPACE_BETWEEN_CJK =
      Pattern.compile(
          "(?<=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー])\\s+"
              + "(?=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー])");

  static Optional<String> normalize(String name) {
    List<String> words = new ArrayList<>();
    for (String w : SPACE_BETWEEN_CJK.matcher(words(fold(name))).replaceAll("").split(" ")) {
      if (!w.isEmpty() && !w.equals("and")) {
        words.add(w);
      }
    }
    settle(words);
    // Joined, the words may form a new suffix ("L TD" gives "ltd") or a letter and a mark may meet
    // ("A ¨" gives "ä"): fold and settle the key as one word too, so that a key is its own normal
    // form.
    List<String> key =
        new ArrayList<>(List.of(words(fold(String.join("", words))).replace(" ", "")));
    settle(key);
    String joined = String.join("", key);
    return joined.isEmpty() || joined.equals("and") || PLACEHOLDERS.contains(joined)
        ? Optional.empty()
        : Optional.of(joined);
  }

  /** Cuts a branch off and strips suffixes and prefixes until none is left. */
  private static void settle(List<String> words) {
    words.removeIf(String::isEmpty);
    boolean changed = true;
    while (changed && !words.isEmpty()) {
      changed = cutBranch(words) | stripSuffixes(words) | stripPrefixes(words);
    }
  }

  /**
   * NFKC (full-width to half-width, ㈱ to (株)), lower case, Latin accents and ligatures folded,
   * Japanese and Korean abbreviated legal forms spelt out.
   */
  static String fold(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = s.replace("(株)", " 株式会社 ").replace("(有)", " 有限会社 ").replace("(주)", " 주식회사 ");
    s = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(s.length());
    boolean afterLatin = false;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        if (!afterLatin) {
          out.appendCodePoint(c);
        }
        continue;
      }
      afterLatin = Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
      switch (c) {
        case 'ß' -> out.append("ss");
        case 'æ' -> out.append("ae");
        case 'œ' -> out.append("oe");
        case 'ø' -> out.append('o');
        case 'đ', 'ð' -> out.append('d');
        case 'þ' -> out.append("th");
        case 'ł' -> out.append('l');
        case 'ı' -> out.append('i');
        case 'ħ' -> out.append('h');
        default -> out.appendCodePoint(c);
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /**
   * Keeps letters, digits and marks; drops apostrophes and dots (so "L.L.C." is one word); turns
   * everything else ("&", "+", hyphens, commas, brackets, spaces) into spaces.
   */
  private static String words(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      if (Character.isLetterOrDigit(c)
          || type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK
          || type == Character.ENCLOSING_MARK) {
        out.appendCodePoint(c);
      } else if (c != '.' && c != '\'' && c != '’' && c != '‘' && c != '`') {
        out.append(' ');
      }
    }
    return out.toString().strip();
  }

  /** Cuts "… Ltd Shanghai Branch" and "…有限公司北京分公司" after their legal form. */
  private static boolean cutBranch(List<String> words) {
    int n = words.size();
    int tail =
        endsWith(words, List.of("branch"))
            ? 1
            : endsWith(words, List.of("representative", "office")) ? 2 : 0;
    if (tail > 0) {
      for (int i = n - tail - 1; i > 0; i--) {
        if (SUFFIX_WORDS.contains(words.get(i))) {
          words.subList(i + 1, n).clear();
          return true;
        }
      }
    }
    Matcher m = CJK_BRANCH_OF_COMPANY.matcher(String.join("", words));
    if (!m.matches()) {
      return false;
    }
    int keep = m.end(1);
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (keep <= w.length()) {
        words.set(i, w.substring(0, keep));
        words.subList(i + 1, words.size()).clear();
        return true;
      }
      keep -= w.length();
    }
    throw new AssertionError("the company part is shorter than the name");
  }

  /** Strips legal forms and group words off the end, one at a time, while any is there. */
  private static boolean stripSuffixes(List<String> words) {
    boolean changed = false;
    outer:
    while (!words.isEmpty()) {
      for (List<String> phrase : SUFFIX_PHRASES) {
        if (endsWith(words, phrase)) {
          words.subList(words.size() - phrase.size(), words.size()).clear();
          changed = true;
          continue outer;
        }
      }
      String last = words.get(words.size() - 1);
      if (SUFFIX_WORDS.contains(last)) {
        words.remove(words.size() - 1);
        changed = true;
        continue;
      }
      if (ENDS_WITH_CJK_BRANCH.matcher(last).matches()) {
        return changed; // a branch of no named company: kept whole
      }
      for (String suffix : CJK_SUFFIXES) {
        if (last.endsWith(suffix)) {
          String rest = last.substring(0, last.length() - suffix.length());
          if (rest.isEmpty()) {
            words.remove(words.size() - 1);
          } else {
            words.set(words.size() - 1, rest);
          }
          changed = true;
          continue outer;
        }
      }
      return changed;
    }
    return changed;
  }

  /** Strips a leading "The", "PT", "ООО" or 株式会社. */
  private static boolean stripPrefixes(List<String> words) {
    boolean changed = false;
    while (!words.isEmpty()) {
      String first = words.get(0);
      if (PREFIX_WORDS.contains(first)) {
        words.remove(0);
        changed = true;
        continue;
      }
      String prefix = CJK_PREFIXES.stream().filter(first::startsWith).findFirst().orElse(null);
      if (prefix == null) {
        return changed;
      }
      words.set(0, first.substring(prefix.length()));
      if (words.get(0).isEmpty()) {
        words.remove(0);
      }
      changed = true;
    }
    return changed;
  }

  private static Set<String> wordSet(String... lines) {
    return Set.of(String.join(" ", lines).split(" "));
  }

  private static boolean endsWith(List<String> words, List<String> tail) {
    return words.size() >= tail.size()
        && words.subList(words.size() - tail.size(), words.size()).equals(tail);
  }
}
