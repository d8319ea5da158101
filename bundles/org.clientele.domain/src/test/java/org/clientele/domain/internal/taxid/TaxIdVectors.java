package org.clientele.domain.internal.taxid;

import static org.clientele.api.TaxIdCheck.TAX_ID_CHECKSUM;
import static org.clientele.api.TaxIdCheck.TAX_ID_FORMAT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Published test vectors, per country. Valid numbers are real numbers found in public reference
 * material (never computed here); invalid ones are published invalid examples or published valid
 * numbers with one character changed, noted as "mangled".
 *
 * <p>Abbreviations used in the source comments:
 * <ul>
 * <li>stdnum eu_vat: python-stdnum tests/test_eu_vat.doctest ("found online and should all be
 * valid", and its lists of numbers with a mangled check digit or formatting flaws)</li>
 * <li>stdnum &lt;module&gt;: the docstring examples of python-stdnum's stdnum/&lt;cc&gt;/&lt;module&gt;.py</li>
 * <li>DragonBe: DragonBe/vies tests/Vies/Validator/Validator&lt;CC&gt;Test.php</li>
 * <li>zapadi: zapadi/vies-dotnet tests/vies-dotnet-api-test/ViesEUUnitTests.cs</li>
 * </ul>
 */
final class TaxIdVectors {

    /** The group of a German Steuernummer; every other group is the expected result country. */
    static final String DE_STNR = "DE-StNr";

    /**
     * One vector.
     *
     * @param group the expected country of the result, or {@link #DE_STNR}
     * @param input the value as written in the source
     * @param hint  the country argument, usually null
     * @param code  null for a valid number, else the expected code
     */
    record Vector(String group, String input, String hint, String code) {

        @Override
        public String toString() {
            String country = hint == null ? "" : " [" + hint + "]";
            return group + " " + input + country + " -> " + (code == null ? "valid" : code);
        }
    }

    private static final List<Vector> ALL = new ArrayList<>();

    private static void valid(String group, String... inputs) {
        for (String input : inputs) {
            ALL.add(new Vector(group, input, null, null));
        }
    }

    private static void validWithHint(String group, String hint, String... inputs) {
        for (String input : inputs) {
            ALL.add(new Vector(group, input, hint, null));
        }
    }

    private static void checksum(String group, String... inputs) {
        for (String input : inputs) {
            ALL.add(new Vector(group, input, null, TAX_ID_CHECKSUM));
        }
    }

    private static void format(String group, String... inputs) {
        for (String input : inputs) {
            ALL.add(new Vector(group, input, null, TAX_ID_FORMAT));
        }
    }

    private static void formatWithHint(String group, String hint, String... inputs) {
        for (String input : inputs) {
            ALL.add(new Vector(group, input, hint, TAX_ID_FORMAT));
        }
    }

    static {
        // Austria. Valid: stdnum eu_vat; "AT U13585627": stdnum at/uid.py. Checksum: stdnum eu_vat
        // mangled list. Format: stdnum eu_vat formatting and length lists.
        valid("AT", "ATU 142 43 102", "ATU 15159209", "ATU46080404", "ATU61195628", "AT U13585627");
        checksum("AT", "ATU 143 43 102", "ATU 15169209", "ATU46080904");
        format("AT", "AT1 142 43 102", "ATU 1515B209", "ATU 151592092");

        // Belgium. Valid: stdnum eu_vat (incl. old 9-digit forms); "BE 428759497": stdnum be/vat.py.
        // Checksum: stdnum eu_vat mangled list. Format: stdnum eu_vat ("BE 02A2.239.951"),
        // stdnum test_be_vat.doctest ("BE0000000000"), "BE 2202.239.951" (mangled first digit).
        valid("BE", "BE 0202.239.951", "BE 0897290877", "BE 444.503.092", "BE413562567", "BE 428759497");
        checksum("BE", "BE 0406.139.583", "BE 0793 013 186", "BE 456.973.432", "BE697449982");
        format("BE", "BE 02A2.239.951", "BE0000000000", "BE 2202.239.951");

        // Bulgaria. Valid: stdnum eu_vat (9-digit legal entities, 10-digit EGN "BG7523169263",
        // "BG8032056031", "BG7542011030" and foreigner "BG7111042925"); "7153849522" (other
        // 10-digit) and "7501020018": stdnum test_bg_vat.doctest. Checksum: stdnum eu_vat mangled
        // list. Format: stdnum eu_vat ("BG 10X8735941"), "BG 10387359" (too short).
        valid("BG", "BG 103873594", "BG 131 272 009", "Bg 200442771", "BG7523169263", "BG8032056031",
                "BG7542011030", "BG7111042925", "BG 7153849522", "BG 7501020018");
        checksum("BG", "BG 1037735942", "BG 131 172 009", "BG 147147471", "BG 200940556");
        format("BG", "BG 10X8735941", "BG 10387359");

        // Cyprus. Valid: stdnum eu_vat; "CY10014000M": zapadi. Checksum: stdnum eu_vat mangled list.
        // Format: stdnum eu_vat ("CY-102590Z3P", "CY-1225903322", "CY-12259033P" starts with 12).
        valid("CY", "CY 10246672X", "CY-10008489 A", "CY00632993 F", "CY-10259033P", "CY10014000M");
        checksum("CY", "CY 10246672F", "CY-10009489 A", "CY-10257074Y", "CY00632893 F");
        format("CY", "CY-102590Z3P", "CY-1225903322", "CY-12259033P");

        // Czech Republic. Valid: stdnum eu_vat (legal entities "CZ 25123891", "CZ48207926"; special
        // 9-digit "CZ 640903926", "CZ 682127228"; birth numbers "CZ 640229/4448",
        // "CZ 736028/5163", "CZ 8058012314", "CZ6306150004"); "7103192745": stdnum cz/dic.py;
        // "991231123" (9-digit birth number before 1954): stdnum cz/rc.py. Checksum: stdnum eu_vat
        // mangled list. Format: stdnum eu_vat ("CZ 95123891" starts with 9); "1103492745"
        // (invalid date): stdnum cz/rc.py; "590312/123" (9 digits in 1959): stdnum cz/rc.py.
        valid("CZ", "CZ 25123891", "CZ48207926", "CZ 640903926", "CZ 682127228", "CZ 640229/4448",
                "CZ 736028/5163", "CZ 8058012314", "CZ6306150004", "CZ 7103192745", "CZ 991231123");
        checksum("CZ", "CZ 25557481", "CZ 48207726", "CZ 640913926", "CZ 8058018314");
        format("CZ", "CZ 95123891", "CZ 1103492745", "CZ 590312/123", "CZ 1234567");

        // Germany (VAT). Valid: stdnum eu_vat. Checksum: stdnum eu_vat mangled list.
        // Format: stdnum eu_vat formatting list.
        valid("DE", "DE - 113866163", "DE 811 363 057", "DE 221.304.969", "DE136308783", "DE 813 11 38 75");
        checksum("DE", "DE 125014855", "DE 246 495 415", "DE 813 91 38 75", "DE - 266297673");
        format("DE", "DE 246X595 415", "DE 011125440", "DE 8113630570");

        // Denmark. Valid: stdnum eu_vat. Checksum: stdnum eu_vat mangled list. Format: "DK 1050328"
        // (7 digits) and "DK 0150 3280" (leading 0), both mangled from "DK 10 50 32 80".
        valid("DK", "DK 10 50 32 80", "DK 2566 2202", "DK-27630308", "DK36149213");
        checksum("DK", "DK 11 96 56 58", "DK 2565 2202", "DK-27996592", "DK10159817");
        format("DK", "DK 1050328", "DK 0150 3280");

        // Estonia. Valid: stdnum eu_vat. Checksum: stdnum eu_vat mangled list. Format: "EE 200523487"
        // (does not start with 10) and "EE 10052348" (8 digits), mangled from "EE 100523487".
        valid("EE", "EE 100 931 558", "EE 100523487", "EE101256753", "EE 101288941");
        checksum("EE", "EE 100 941 558", "EE 100525487", "EE 101586639", "EE101256754");
        format("EE", "EE 200523487", "EE 10052348");

        // Greece. Valid: stdnum eu_vat (including the old 8-digit "EL 94051189"). Checksum: stdnum
        // eu_vat mangled list. Format: "EL 09401283A", "EL 0940128345", mangled from "EL 094012834".
        valid("GR", "EL 039868210", "EL-082857563", "El 800 179 925", "EL 94051189", "EL 094012834");
        checksum("GR", "EL 094013834", "EL 094068733", "EL094501140");
        format("GR", "EL 09401283A", "EL 0940128345");

        // Spain. Valid: stdnum eu_vat (CIF with digit and with letter control, DNI, NIE X/Y/Z);
        // "L1111111G": stdnum test_es_vat.doctest. Checksum: stdnum eu_vat mangled list;
        // "L1111111C": stdnum test_es_vat.doctest. Format: stdnum eu_vat ("ES B-583784312");
        // "O-1234567-L" (invalid first character): stdnum es/cif.py.
        valid("ES", "ES A-28184661", "ES B64240914", "ES - Q0818001J", "ES W4003922D", "ES R9600075G",
                "ES 54362315K", "ES X-5253868-R", "ES Y5277343F", "ES Z5277343K", "ES-x-2482300w",
                "ES L1111111G");
        checksum("ES", "ES 54362415K", "ES K-2814015-F", "ES-x-2322300w", "Es-a48951310", "ES L1111111C");
        format("ES", "ES B-583784312", "ES O-1234567-L");

        // Finland. Valid: stdnum eu_vat. Checksum: "FI 20774741": stdnum fi/alv.py.
        // Format: "FI 2077474" (7 digits), "FI 2077474A", mangled from "FI 20774740".
        valid("FI", "FI 02459042", "FI 0982651-1", "FI 2094606-3", "FI-22291240", "FI 20774740");
        checksum("FI", "FI 20774741");
        format("FI", "FI 2077474", "FI 2077474A");

        // France. Valid: stdnum eu_vat (numeric keys, new-style "FR K 7399859412", Monaco SIREN
        // 000... "FR16000063601"); "4Z123456782" (new style starting with a digit): stdnum
        // fr/tva.py and DragonBe; "FR00300076965": DragonBe. Checksum: stdnum eu_vat mangled list;
        // "84 323 140 391": stdnum fr/tva.py; "K6399859412": DragonBe. Format: stdnum eu_vat
        // ("FR000076090", too short); "IO334175221" (I and O are not key letters): stdnum fr/tva.py.
        valid("FR", "Fr 40 303 265 045", "FR 13 393 892 815", "fr 71383076817", "FR K 7399859412",
                "FR 4Z123456782", "FR16000063601", "FR 00300076965");
        checksum("FR", "FR 04409414264", "FR 21 326 565 603", "FR K 7399859312", "FR L 7399859412",
                "FR 84 323 140 391", "FRK6399859412");
        format("FR", "FR000076090", "FR IO334175221");

        // Croatia. Valid: "HR 33392005961": stdnum hr/oib.py; "38192148118": DragonBe;
        // "22597784145": OIB of Studentski centar u Zagrebu in the EU Official Journal notice
        // 2016/S 201-363855 (reproduced on akta.ba). Checksum: "33392005962": stdnum hr/oib.py.
        // Format: "3819214811" and "1234567890A": DragonBe.
        valid("HR", "HR 33392005961", "HR38192148118", "HR 22597784145");
        checksum("HR", "HR 33392005962");
        format("HR", "HR3819214811", "HR1234567890A");

        // Hungary. Valid: stdnum eu_vat. Checksum: "HU 10672102" mangled from "HU 10672101".
        // Format: "HU 1067210" (7 digits), "HU 1067210A", mangled.
        valid("HU", "HU 10672101", "HU-12892312", "HU13852467", "HU -12509403");
        checksum("HU", "HU 10672102", "HU 13852476");
        format("HU", "HU 1067210", "HU 1067210A");

        // Ireland. Valid: stdnum eu_vat (7 digits + letter, old style "IE8D79739I", "IE9Y71814N",
        // 9th letter "IE6433435IH", "IE6433435OA", "IE6599001W"). Checksum: stdnum eu_vat mangled
        // list; "6433435E": stdnum ie/vat.py. Format: stdnum eu_vat; "1234567ABC": stdnum
        // test_ie_vat.doctest.
        valid("IE", "IE 6433435F", "IE 632 3420 C", "IE 8223200u", "IE8D79739I", "IE9Y71814N",
                "IE6433435IH", "IE6433435OA", "IE6599001W");
        checksum("IE", "IE 4731823H", "IE 632 3421 C", "IE 5339273F", "IE8D79729I", "IE 6433435E");
        format("IE", "IE 4550C59S", "IE 069385V8", "IE1234567ABC");

        // Italy. Valid: stdnum eu_vat. Checksum: "00743110158": stdnum it/iva.py.
        // Format: "IT 00687129980" (office code 129): stdnum eu_vat; "IT 0074311015" (10 digits).
        valid("IT", "IT 00743110157", "IT - 01404480202", "IT 0 0 6 1 8 2 8 0 4 9 9", "IT 12920760159");
        checksum("IT", "IT 00743110158");
        format("IT", "IT 00687129980", "IT 0074311015");

        // Lithuania. Valid: stdnum eu_vat (9 and 12 digits; "LT100004801610" needs the second
        // step). Checksum: "100001919018": stdnum lt/pvm.py. Format: stdnum eu_vat ("LT 100001354"
        // 8th digit not 1, "LT 100001509922" 11th digit not 1); "LT 1000013541" (10 digits).
        valid("LT", "LT 119511515", "LT 100001919017", "LT100004801610", "LT290068995116", "LT 757118413");
        checksum("LT", "LT 100001919018");
        format("LT", "LT 100001354", "LT 100001509922", "LT 1000013541");

        // Luxembourg. Valid: stdnum eu_vat; "LU10000356": zapadi. Checksum: "LU10000350": zapadi.
        // Format: "LU 1005992" (7 digits), "LU 1005992A", mangled from "LU 10059929".
        valid("LU", "LU 10059929", "LU 1871 0830", "LU.248.70.640", "Lu 19980500", "LU10000356");
        checksum("LU", "LU10000350");
        format("LU", "LU 1005992", "LU 1005992A");

        // Latvia. Valid: stdnum eu_vat (legal entities); "161175-19997" (personal code): stdnum
        // lv/pvn.py. Checksum: stdnum eu_vat mangled list; "40003521601": stdnum lv/pvn.py.
        // Format: "161375-19997" (invalid date): stdnum lv/pvn.py; "LV 4000352160" (10 digits).
        valid("LV", "LV 4000 3521 600", "LV 40003189718", "LV-42103048183", "LV 90000528023", "LV 161175-19997");
        checksum("LV", "LV 40003189715", "LV 90000528022", "LV-10103241337", "LV-42103048181", "LV 40003521601");
        format("LV", "LV 161375-19997", "LV 4000352160");

        // Malta. Valid: stdnum eu_vat. Checksum: "1167-9113": stdnum mt/vat.py.
        // Format: "MT 0167 9112" (leading 0), "MT 1167-911" (7 digits), mangled.
        valid("MT", "MT 1167-9112", "MT 17025737", "MT 20630321", "MT 1039-6417");
        checksum("MT", "MT 1167-9113");
        format("MT", "MT 0167 9112", "MT 1167-911");

        // Netherlands. Valid mod 11: stdnum eu_vat; "004495445B01": stdnum nl/btw.py. Valid mod 97
        // (sole proprietors since 2020): "NL002455799B11": stdnum nl/btw.py; "002342672B42":
        // DragonBe; "NL123456789B13", "NL002101624B69": zapadi. Checksum: "123456789B90": stdnum
        // nl/btw.py; "010000436B01": DragonBe. Format: stdnum eu_vat formatting list.
        valid("NL", "NL 806753742B01", "NL.8143.26.584.B.01", "NL001545668B01", "NL 004495445B01",
                "NL002455799B11", "NL002342672B42", "NL123456789B13", "NL002101624B69");
        checksum("NL", "NL123456789B90", "NL010000436B01");
        format("NL", "NL 001241643801", "NL 009122746B00", "NL B06753742B01", "NL 82X569759b01");

        // Poland. Valid: stdnum eu_vat; "PL1132191233": zapadi. Checksum: "PL 5840154039" mangled
        // from "PL 5840154038". Format: "PL 584015403" (9 digits), mangled.
        valid("PL", "PL 5840154038", "PL 584-030-44-72", "PL-951-157-77-68", "PL1132191233 ");
        checksum("PL", "PL 5840154039", "PL 7780104606");
        format("PL", "PL 584015403", "PL 58401540A8");

        // Portugal. Valid: stdnum eu_vat; "PT 980526779", "PT100000037": zapadi. Checksum:
        // "PT 502448912" mangled from "PT 502448911". Format: "PT 050244891" (leading 0),
        // "PT 50244891" (8 digits), mangled.
        valid("PT", "PT 500 019 720", "PT 502448911", "PT-505 856 468", "PT 980526779", "PT100000037");
        checksum("PT", "PT 502448912", "PT 500 019 721");
        format("PT", "PT 050244891", "PT 50244891");

        // Romania. Valid: stdnum eu_vat; "185 472 90": stdnum ro/cui.py. Checksum: "185 472 91":
        // stdnum ro/cui.py. Format: "RO 1" (one digit), "RO 0185 472 90" (leading 0),
        // "RO 1630615123457" (a 13-digit CNP from stdnum eu_vat: only 2 to 10 digits are accepted).
        valid("RO", "RO 11358544", "RO 1822964", "RO 573768", "RO 241 30 20", "RO 185 472 90", "Ro 15071875");
        checksum("RO", "RO 185 472 91");
        format("RO", "RO 1", "RO 0185 472 90", "RO 1630615123457");

        // Sweden. Valid: stdnum eu_vat. Checksum: "SE556188840301": zapadi. Format: stdnum eu_vat
        // length list; "SE556058115802" (does not end in 01), mangled.
        valid("SE", "SE 556058115801", "SE-556 644 662 001", "SE 202 100-5000 01", "SE556043606401");
        checksum("SE", "SE556188840301");
        format("SE", "SE 55643359201", "SE 5567003255201", "SE556058115802");

        // Slovenia. Valid: stdnum eu_vat. Checksum: "SI 50223055": stdnum si/ddv.py.
        // Format: "SI05936241" (leading 0): zapadi; "SI 5022305" (7 digits), mangled.
        valid("SI", "SI 50223054", "SI 3609 7152", "SI-89036999", "SI 26808498");
        checksum("SI", "SI 50223055");
        format("SI", "SI05936241", "SI 5022305");

        // Slovakia. Valid: stdnum eu_vat; "SK2120046819": zapadi. Checksum and format: stdnum eu_vat
        // mangled and formatting lists.
        valid("SK", "SK 202 274 96 19", "SK 2020 237 945", "SK 1078449064", "SK2022193459", "SK2120046819");
        checksum("SK", "SK 1078449164", "SK 302 274 96 19", "SK 2030 237 945", "SK 2020457679");
        format("SK", "SK A078449064", "SK 012 274 96 19", "SK 2010 237 945");

        // United Kingdom. Valid: python-stdnum tests/test_gb_vat.doctest (standard; "100190874",
        // "100 1950 75" and "102675046" use the 9755 scheme; "242338087388" branch trader; GD/HA
        // government and health forms). Checksum and format: the same file.
        valid("GB", "GB 980 7806 84", "GB 002 4257 28", "GB 100190874", "GB 100 1950 75", "GB 102675046",
                "GB 242338087388", "GB 003232345",
                "GB 975 8664 50", "GB 586 367 295", "GB653599494", "GBGD100", "GBHA501", "GBGD888810003",
                "GBHA888856782");
        checksum("GB", "GB802311781", "GB001234567", "GBHA888856700");
        format("GB", "GB9807806842", "GB9807806B4", "GBGD8888567B2", "GBGD600", "GBHA201", "GBZZ100");

        // Northern Ireland. Valid and invalid: DragonBe ValidatorXITest.php.
        valid("XI", "XI925901618", "XIGD001", "XIHA500", "xi 925 9016 18");
        checksum("XI", "XI434031493");
        format("XI", "XI12345", "XIGD500", "XIHA100", "XI12345678");

        // Switzerland. Valid: python-stdnum tests/test_ch_uid.doctest and tests/test_ch_vat.doctest.
        // Checksum: "CHE-105.838.472" mangled from "CHE-105.838.471". Format: "CHE-10A.787.577" and
        // "CHE-107.787.577 ZZZ": the same stdnum files; "CHE-107.787.57" (8 digits).
        valid("CH", "CHE-105.838.471", "CHE-116.068.168", "CHE 113.042.942.", "CHE-107.787.577 IVA",
                "CHE-110.576.236 TVA", "CHE-108.113.335 MwST", "CHE-116.046.681 TPV", "CHE-1 76.814.97 5 MWST");
        checksum("CH", "CHE-105.838.472", "CHE-116.068.169");
        format("CH", "CHE-10A.787.577", "CHE-107.787.577 ZZZ", "CHE-107.787.57");

        // Norway. Valid: python-stdnum tests/test_no_mva.doctest; "NO 995 525 828 MVA": stdnum
        // no/mva.py; "988 077 917": stdnum no/orgnr.py. Checksum: "NO 995 525 829 MVA": stdnum
        // no/mva.py; "988 077 918": stdnum no/orgnr.py. Format: "NO 99552582 MVA" (8 digits),
        // "NO 995525828 XYZ", mangled.
        valid("NO", "NO 987 008 644 MVA", "NO 948007029 MVA", "NO 982 930 057 MVA", "NO 995 525 828 MVA",
                "NO 988 077 917");
        validWithHint("NO", "NO", "965 920 358 MVA", "980 430 596 MVA", "998 772 680 MVA");
        checksum("NO", "NO 995 525 829 MVA", "NO 988 077 918");
        format("NO", "NO 99552582 MVA", "NO 995525828 XYZ");

        // German Steuernummer (country hint DE, no prefix). Valid: python-stdnum
        // tests/test_de_stnr.doctest (the sample numbers of each Bundesland, regional and
        // nationwide forms). Format: "4151181508156" (no 0 in the fifth place): stdnum de/stnr.py;
        // "2993081508152" (no Bundesland starts with 29), mangled from "2893081508152". No checksum
        // vector: the check digit is not checked (not publicly specified for every state).
        validWithHint(DE_STNR, "DE", "93815/08152", "2893081508152", "181/815/08155", "9181081508155",
                "21/815/08150", "048/815/08155", "133/8150/8159", "5133081508159", "201/123/12340",
                "3201012312340", "151/815/08156", "4151081508156");
        formatWithHint(DE_STNR, "DE", "4151181508156", "2993081508152");
    }

    private TaxIdVectors() {
    }

    static List<Vector> all() {
        return Collections.unmodifiableList(ALL);
    }
}
