package io.fairlead.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Normalizers#webDomain}: URLs and host names, and what is not a domain. */
class WebDomainTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          https://www.Example.co.uk/path?q                 | example.co.uk
          example.co.uk                                    | example.co.uk
          WWW.EXAMPLE.COM.                                 | example.com
          http://example.com                               | example.com
          HTTPS://EXAMPLE.COM/                             | example.com
          //example.com/about                              | example.com
          example.com/about-us.html                        | example.com
          example.com?utm_source=crm                       | example.com
          example.com#contact                              | example.com
          https://example.com:8443/login                   | example.com
          example.com:                                     | example.com
          http://user:secret@example.com/                  | example.com
          ftp://files.example.com                          | example.com
          '  www.example.com  '                            | example.com
          www2.example.com                                 | example.com
          shop.example.co.uk                               | example.co.uk
          consumer.huawei.com/cn/                          | huawei.com
          www.huawei.com.cn                                | huawei.com.cn
          https://www.tencent.com/zh-cn/                   | tencent.com
          http://www.beijing.gov.cn/                       | beijing.gov.cn
          https://www.ox.ac.uk                             | ox.ac.uk
          acme.github.io                                   | acme.github.io
          https://acme.myshopify.com/products              | acme.myshopify.com
          ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ                   | example.com
          example。com                                     | example.com
          例子.中国                                        | xn--fsqu00a.xn--fiqs8s
          https://www.例子.中国/路径                       | xn--fsqu00a.xn--fiqs8s
          xn--fsqu00a.xn--fiqs8s                           | xn--fsqu00a.xn--fiqs8s
          Bücher.de                                        | xn--bcher-kva.de
          https://müller.de                                | xn--mller-kva.de
          """)
  void webDomain_urlsAndHosts_giveTheRegistrableDomain(String url, String key) {
    assertThat(Normalizers.webDomain(url)).contains(key);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "",
        "   ",
        "acme",
        "localhost",
        "http://localhost:8080/",
        "Huawei Technologies",
        "not a domain.com",
        "N/A",
        "none",
        "-",
        "co.uk",
        "com",
        "https://co.uk/",
        "192.168.1.1",
        "http://10.0.0.1/admin",
        "[::1]",
        "http://[2001:db8::1]/",
        "acme.internal",
        "acme.local",
        "example..com",
        "-example.com",
        "example-.com",
        "exa_mple.com",
        "example.com..",
        "http://",
        "https:///path",
        "example.com:http"
      })
  void webDomain_notADomain_givesNoKey(String url) {
    assertThat(Normalizers.webDomain(url)).isEmpty();
  }

  @Test
  void webDomain_sharpS_followsIdna2003() {
    // java.net.IDN implements IDNA 2003, which maps ß to ss; IDNA 2008 would keep it.
    assertThat(Normalizers.webDomain("faß.de")).contains("fass.de");
  }

  @Test
  void webDomain_null_failsNamingTheArgument() {
    assertThatThrownBy(() -> Normalizers.webDomain(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("web address");
  }
}
