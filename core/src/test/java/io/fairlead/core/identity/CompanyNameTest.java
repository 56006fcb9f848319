package io.fairlead.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Normalizers#companyName}: real-looking names and the keys they give. */
class CompanyNameTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # English legal forms, one or several, with and without dots and commas
          Acme Inc                                  | acme
          Acme, Inc.                                | acme
          ACME INCORPORATED                         | acme
          Acme Corp.                                | acme
          Acme Corporation                          | acme
          Acme Co.                                  | acme
          Acme Company                              | acme
          Acme Ltd                                  | acme
          Acme Limited                              | acme
          Acme, L.L.C.                              | acme
          Acme LLC                                  | acme
          Acme LLP                                  | acme
          Acme PLC                                  | acme
          Acme Public Limited Company               | acme
          Acme Limited Liability Company            | acme
          Acme Pty Ltd                              | acme
          Acme Pte. Ltd.                            | acme
          Infosys Private Limited                   | infosys
          Acme Sdn. Bhd.                            | acme
          Acme Co.,Ltd.                             | acme
          Acme Co.Ltd                               | acme
          # other Western forms
          Volkswagen AG                             | volkswagen
          Siemens Aktiengesellschaft                | siemens
          Robert Bosch GmbH                         | robertbosch
          Müller GmbH & Co. KG                      | muller
          Acme UG (haftungsbeschränkt)              | acme
          Société Générale S.A.                     | societegenerale
          Acme SARL                                 | acme
          Acme S.A.S.                               | acme
          Telefónica, S.A.                          | telefonica
          Acme S.r.l.                               | acme
          Acme S.p.A.                               | acme
          Philips N.V.                              | philips
          Acme B.V.                                 | acme
          Nokia Oyj                                 | nokia
          Volvo AB (publ)                           | volvo
          A.P. Møller - Mærsk A/S                   | apmollermaersk
          Equinor ASA                               | equinor
          Allianz SE                                | allianz
          Grupo Bimbo, S.A.B. de C.V.               | grupobimbo
          Acme S. de R.L. de C.V.                   | acme
          Acme Sp. z o.o.                           | acme
          Acme spol. s r.o.                         | acme
          Toyota Motor Kabushiki Kaisha             | toyotamotor
          Acme K.K.                                 | acme
          PT Bank Mandiri Tbk                       | bankmandiri
          İstanbul Holding A.Ş.                     | istanbul
          ООО «Ромашка»                             | ромашка
          # group words are stripped too (a judgement call, documented)
          Acme Holdings Co., Ltd.                   | acme
          Acme Group                                | acme
          Acme Group Holdings Limited               | acme
          HSBC Holdings plc                         | hsbc
          # "The", "&", "and", case, punctuation, spacing, accents
          The Coca-Cola Company                     | cocacola
          Coca Cola                                 | cocacola
          COCA-COLA CO                              | cocacola
          Johnson & Johnson                         | johnsonjohnson
          Johnson and Johnson                       | johnsonjohnson
          AT&T Inc.                                 | att
          Procter & Gamble Co.                      | proctergamble
          McDonald's Corporation                    | mcdonalds
          McDonald’s                                | mcdonalds
          Amazon.com, Inc.                          | amazoncom
          '  Acme    Ltd  '                         | acme
          Nestlé S.A.                               | nestle
          Straße GmbH                               | strasse
          Theatre Royal Ltd                         | theatreroyal
          # full width, as typed in Chinese input methods
          Ａｃｍｅ　Ｌｔｄ．                        | acme
          ＨＵＡＷＥＩ　ＴＥＣＨＮＯＬＯＧＩＥＳ     | huaweitechnologies
          # Chinese
          华为技术有限公司                          | 华为技术
          Huawei Technologies Co., Ltd.             | huaweitechnologies
          华为技术 有限公司                         | 华为技术
          深圳市腾讯计算机系统有限公司              | 深圳市腾讯计算机系统
          腾讯控股有限公司                          | 腾讯
          中国石油化工股份有限公司                  | 中国石油化工
          北京字节跳动科技有限公司                  | 北京字节跳动科技
          小米科技有限责任公司                      | 小米科技
          海尔集团公司                              | 海尔
          万达集团有限公司                          | 万达
          中国平安保险（集团）股份有限公司          | 中国平安保险
          阿里巴巴（中国）有限公司                  | 阿里巴巴中国
          台灣積體電路製造股份有限公司              | 台灣積體電路製造
          長江和記實業有限公司                      | 長江和記實業
          深圳市某某投资合伙企业（有限合伙）        | 深圳市某某投资
          # a branch is part of the company it names
          华为技术有限公司北京分公司                | 华为技术
          华为技术有限公司 (北京) 分公司            | 华为技术
          中国银行股份有限公司北京市分行            | 中国银行
          Acme Ltd Shanghai Branch                  | acme
          Acme GmbH, Beijing Representative Office  | acme
          # Japanese and Korean
          株式会社日立製作所                        | 日立製作所
          日立製作所(株)                            | 日立製作所
          ㈱日立製作所                              | 日立製作所
          トヨタ自動車株式会社                      | トヨタ自動車
          삼성전자 주식회사                         | 삼성전자
          (주)삼성전자                              | 삼성전자
          """)
  void companyName_realNames_giveTheirKey(String name, String key) {
    assertThat(Normalizers.companyName(name)).contains(key);
  }

  @Test
  void companyName_variantsOfOneCompany_giveOneKey() {
    List<List<String>> companies =
        List.of(
            List.of(
                "Huawei Technologies Co., Ltd.",
                "HUAWEI TECHNOLOGIES CO LTD",
                "huawei technologies co.,ltd",
                "Huawei Technologies Company Limited",
                "Huawei-Technologies Ltd.",
                "Ｈｕａｗｅｉ Ｔｅｃｈｎｏｌｏｇｉｅｓ Ｃｏ．，Ｌｔｄ．"),
            List.of("华为技术有限公司", "华为技术股份有限公司", "华为技术有限责任公司", "华为技术公司", "华为技术", "华为技术有限公司深圳分公司"),
            List.of("Müller GmbH", "MÜLLER GMBH & CO. KG", "Muller AG", "müller"),
            List.of(
                "The Boston Consulting Group",
                "Boston Consulting Group, Inc.",
                "boston consulting"));
    for (List<String> names : companies) {
      Optional<String> first = Normalizers.companyName(names.get(0));
      assertThat(first).isPresent();
      for (String name : names) {
        assertThat(Normalizers.companyName(name)).as(name).isEqualTo(first);
      }
    }
  }

  @ParameterizedTest(name = "{0} and {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Huawei Technologies Co., Ltd.  | Huawei Device Co., Ltd.
          华为技术有限公司               | 华为终端有限公司
          中国银行股份有限公司           | 中国建设银行股份有限公司
          Bank of China Limited          | China Bank Ltd
          Acme Ltd                       | Acme Labs Ltd
          Apple Inc.                     | Appleton Inc.
          招商银行深圳分行               | 招商银行
          Acme Shanghai Branch           | Acme
          阿里巴巴（中国）有限公司       | 阿里巴巴集团
          株式会社日立製作所             | 日立建機株式会社
          """)
  void companyName_differentCompanies_giveDifferentKeys(String a, String b) {
    assertThat(Normalizers.companyName(a)).isPresent();
    assertThat(Normalizers.companyName(b)).isPresent();
    assertThat(Normalizers.companyName(a)).isNotEqualTo(Normalizers.companyName(b));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "",
        "   ",
        "-",
        "...",
        "&",
        "Ltd",
        "Ltd.",
        "Inc.",
        "Co., Ltd.",
        "GmbH & Co. KG",
        "The",
        "The Company",
        "Group Ltd",
        "Holdings",
        "有限公司",
        "股份有限公司",
        "集团有限公司",
        "株式会社",
        "N/A",
        "n.a.",
        "None",
        "NULL",
        "Unknown",
        "TBD",
        "test",
        "无",
        "暂无",
        "未知",
        "个人",
        "L TD",
        "And"
      })
  void companyName_onlyLegalFormsOrPlaceholders_givesNoKey(String name) {
    assertThat(Normalizers.companyName(name)).isEmpty();
  }

  @Test
  void companyName_branchOfNoNamedCompany_isKeptWhole() {
    // No legal form before the branch word: where the company ends and the place begins is unknown.
    assertThat(Normalizers.companyName("招商银行深圳分行")).contains("招商银行深圳分行");
    assertThat(Normalizers.companyName("华为北京分公司")).contains("华为北京分公司");
    assertThat(Normalizers.companyName("Acme Shanghai Branch")).contains("acmeshanghaibranch");
  }

  @Test
  void companyName_legalFormInsideTheName_isKept() {
    assertThat(Normalizers.companyName("Limited Brands Inc")).contains("limitedbrands");
    assertThat(Normalizers.companyName("The Group of Seven Ltd")).contains("groupofseven");
    assertThat(Normalizers.companyName("公司法律服务有限公司")).contains("公司法律服务");
  }

  @Test
  void companyName_null_failsNamingTheArgument() {
    assertThatThrownBy(() -> Normalizers.companyName(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("company name");
  }
}
