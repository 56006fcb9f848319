package io.fairlead.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Normalizers#emailDomain}: company addresses, free mail, and what is no address. */
class EmailDomainTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Li.Wei@Huawei.com                    | huawei.com
          li.wei@huawei.com                    | huawei.com
          LI.WEI@HUAWEI.COM.                   | huawei.com
          wang@mail.huawei.com                 | huawei.com
          zhang.san@huawei.com.cn              | huawei.com.cn
          Li Wei <li.wei@huawei.com>           | huawei.com
          '"Wei, Li" <li.wei@huawei.com>'      | huawei.com
          mailto:sales@example.co.uk           | example.co.uk
          '  sales@example.com  '              | example.com
          first.last+crm@example.com           | example.com
          "odd@local"@example.com              | example.com
          ｓａｌｅｓ＠ｅｘａｍｐｌｅ．ｃｏｍ       | example.com
          info@例子.中国                       | xn--fsqu00a.xn--fiqs8s
          hans@müller.de                       | xn--mller-kva.de
          """)
  void emailDomain_companyAddresses_giveTheRegistrableDomain(String address, String key) {
    assertThat(Normalizers.emailDomain(address)).contains(key);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "someone@gmail.com",
        "Someone@GMAIL.COM",
        "someone@googlemail.com",
        "someone@outlook.com",
        "someone@outlook.fr",
        "someone@hotmail.com",
        "someone@hotmail.co.uk",
        "someone@live.cn",
        "someone@yahoo.com",
        "someone@yahoo.co.jp",
        "someone@yahoo.com.cn",
        "someone@icloud.com",
        "someone@me.com",
        "12345678@qq.com",
        "someone@foxmail.com",
        "someone@163.com",
        "someone@vip.163.com",
        "someone@126.com",
        "someone@sina.com",
        "someone@aliyun.com",
        "someone@gmx.de",
        "someone@web.de",
        "someone@naver.com",
        "someone@proton.me"
      })
  void emailDomain_freeMail_givesNoKey(String address) {
    assertThat(Normalizers.emailDomain(address)).isEmpty();
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "",
        "huawei.com",
        "@huawei.com",
        "li.wei@",
        "li wei@huawei.com",
        "li.wei@huawei",
        "li.wei@localhost",
        "li.wei@[192.168.1.1]",
        "li.wei@192.168.1.1",
        "li.wei@huawei.com/path",
        "li.wei@huawei.com:25",
        "li.wei@co.uk",
        "Li Wei <>",
        "N/A"
      })
  void emailDomain_notAnAddress_givesNoKey(String address) {
    assertThat(Normalizers.emailDomain(address)).isEmpty();
  }

  @Test
  void emailDomain_lookalikesOfFreeMail_giveTheirKey() {
    // An entry covers its own domain and subdomains, and a "label.*" only that label.
    assertThat(Normalizers.emailDomain("a@notgmail.com")).contains("notgmail.com");
    assertThat(Normalizers.emailDomain("a@gmail.com.example.org")).contains("example.org");
    assertThat(Normalizers.emailDomain("a@yahooligans.com")).contains("yahooligans.com");
    assertThat(Normalizers.emailDomain("a@research.yahoo-inc.com")).contains("yahoo-inc.com");
  }

  @Test
  void emailDomain_hostList_replacesTheDefault() {
    assertThat(Normalizers.emailDomain("a@gmail.com", List.of())).contains("gmail.com");
    assertThat(Normalizers.emailDomain("a@reseller-mail.com", List.of("reseller-mail.com")))
        .isEmpty();

    List<String> extended = new ArrayList<>(Normalizers.FREE_MAIL_DOMAINS);
    extended.add("mail.partner-hosting.com");
    assertThat(Normalizers.emailDomain("a@gmail.com", extended)).isEmpty();
    assertThat(Normalizers.emailDomain("a@mail.partner-hosting.com", extended)).isEmpty();
    assertThat(Normalizers.emailDomain("a@partner-hosting.com", extended))
        .contains("partner-hosting.com");
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {"Gmail.com", "gmail.com.", "*.gmail.com", "yahoo.*.*", "co.uk", "", "例子.中国"})
  void emailDomain_badListEntry_failsNamingIt(String entry) {
    assertThatThrownBy(() -> Normalizers.emailDomain("a@b.com", List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "free-mail domain must be a lower-case ASCII domain such as 'gmail.com' or a label and"
                + " '.*' such as 'yahoo.*', was '"
                + entry
                + "'");
  }

  @Test
  void freeMailDomains_areSortedAndHoldTheCommonProviders() {
    assertThat(List.copyOf(Normalizers.FREE_MAIL_DOMAINS)).isSorted();
    assertThat(Normalizers.FREE_MAIL_DOMAINS)
        .contains("gmail.com", "outlook.*", "hotmail.*", "yahoo.*", "qq.com", "163.com")
        .contains("126.com", "icloud.com");
    assertThatThrownBy(() -> Normalizers.FREE_MAIL_DOMAINS.add("example.com"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void emailDomain_null_failsNamingTheArgument() {
    assertThatThrownBy(() -> Normalizers.emailDomain(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("e-mail address");
  }
}
