using ClaimVision.Domain.Documents;
using ClaimVision.Vision;
using static ClaimVision.Intelligence.Tests.Pages;

namespace ClaimVision.Intelligence.Tests;

/// <summary>Receipt layout rules (Malaysian/Singaporean retail receipts, SROIE-style) on invented receipts.</summary>
public class ReceiptExtractorTests
{
    private static readonly FieldExtractor Extractor = new(new FixedTime(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static string? N(FieldExtraction r, string field) => r.Fields.TryGetValue(field, out var f) ? f.Normalized : null;

    [Theory]
    [InlineData("+603-9130 2672")]
    [InlineData("CARELINE : 1800 88 1231")]
    [InlineData("03-")]
    [InlineData("GUEST CHECK")]
    [InlineData("SOUP OF THE DAY 12.90")]
    public void Receipt_address_does_not_run_into_the_line_after_it(string next)
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("RESTORAN SELERA KITA SDN BHD"),
            Row("NO 37, JALAN MANIS 7, TAMAN SEGAR,"),
            Row("56100 CHERAS, KUALA LUMPUR."),
            Row(next),
            Row("TOTAL@40", "12.90@600")));
        Assert.Equal("NO 37, JALAN MANIS 7, TAMAN SEGAR, 56100 CHERAS, KUALA LUMPUR.", N(r, FieldNames.ProviderAddress));
    }

    [Theory]
    [InlineData("山东省胜利街 290 号", "山东省胜利街290号")]
    [InlineData("地址：北京市朝阳区建国路 88-2 号", "北京市朝阳区建国路88-2号")]
    [InlineData("上海市中山路12号2楼", "上海市中山路12号2楼")]
    public void A_chinese_receipt_address_is_the_street_line_near_the_top(string line, string expected)
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("鑫源五金商行"),
            Row("销售单"),
            Row(line),
            Row("电话：0553-7333351"),
            Row("合计", "86.50@500")));
        Assert.Equal(expected, N(r, FieldNames.ProviderAddress));
    }

    [Fact]
    public void A_chinese_seller_above_its_street_address_is_named_and_the_item_rows_are_no_address()
    {
        // A fuel receipt: the title under the seller misread, and the first item row (92号汽油, OCR spacing its number off) starts like a house number.
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("中国石化"),
            Row("销售任存"),
            Row("浙江省解放路 224 号"),
            Row("税号 : 91225835MA6427690R"),
            Row("日期 : 2024.12.15"),
            Row("单价"),
            Row("92 号汽油 52.68", "7.60@500"),
            Row("矿泉水 550ml 1 2.00", "2.00@500"),
            Row("实付金额 :", "402.37@500")));
        Assert.Equal("中国石化", N(r, FieldNames.ProviderName));
        Assert.Equal("浙江省解放路224号", N(r, FieldNames.ProviderAddress));
    }

    [Fact]
    public void The_receipts_title_above_a_chinese_street_address_is_not_the_seller()
    {
        // 销售小票 read as two pieces, the second of which is a title on its own; the seller is the first line.
        var r = Extractor.Extract(DocumentType.PharmacyReceipt, Doc(
            Row("山东省同仁堂"),
            Row("销 4"),
            Row("售小票"),
            Row("山东省建设路 116 号"),
            Row("单号 572292884"),
            Row("品名"),
            Row("0.9% 氯化钠注射液", "66.69@500"),
            Row("头孢呋辛钠注射液 | 1|", "22.28@500"),
            Row("合计", "698.17@500")));
        Assert.Equal("山东省同仁堂", N(r, FieldNames.ProviderName));
        Assert.Equal("山东省建设路116号", N(r, FieldNames.ProviderAddress));
    }

    [Fact]
    public void A_chain_with_its_store_number_is_the_seller_and_column_headings_never_are()
    {
        var r = Extractor.Extract(DocumentType.PharmacyReceipt, Doc(
            Row("Watsons #2728"),
            Row("TAX INVOICE"),
            Row("1729 Market Road, PETALING JAYA"),
            Row("Receipt #: 295038727"),
            Row("Cashier: 017"),
            Row("Item Amount"),
            Row("Cefuroxime injection", "20.51@500"),
            Row("TOTAL", "624.80@500")));
        Assert.Equal("Watsons #2728", N(r, FieldNames.ProviderName));
        Assert.Equal("1729 Market Road, PETALING JAYA", N(r, FieldNames.ProviderAddress));
    }

    [Theory]
    [InlineData(0.16, "1401 JALAN BUNGA RAYA, SINGAPORE")]
    [InlineData(0.6, "1401 JALAN BUNGA RAYA, SINGAPORE eee eee ee Clee")]   // read surely: text the block holds
    public void Noise_read_beside_the_address_is_no_part_of_it(double noise, string expected)
    {
        var page = Build(
            Row("KIN WAH PHARMACY LTD"),
            Row("PHARMACY RECEIPT"),
            Row("1401 JALAN BUNGA RAYA, SINGAPORE", "eee eee ee Clee@700"),
            Row("Receipt #: 817695756"),
            Row("Panadol", "12.90@500"),
            Row("TOTAL", "12.90@500"));
        var smudge = page.Lines[3] with { Confidence = noise };
        var r = Extractor.Extract(DocumentType.PharmacyReceipt, new VisionResult([page with { Lines = [.. page.Lines.Select((l, i) => i == 3 ? smudge : l)] }], []));
        Assert.Equal(expected, N(r, FieldNames.ProviderAddress));
    }

    [Theory]
    [InlineData("_74, JALAN IPOH, 35587 SINGAPORE")]
    [InlineData("~ 74, JALAN IPOH, 35587 SINGAPORE")]
    [InlineData("74, JALAN IPOH, 35587 SINGAPORE")]
    public void A_speck_read_before_the_address_is_no_part_of_it(string line)
    {
        var r = Extractor.Extract(DocumentType.PharmacyReceipt, Doc(
            Row("FAMILY CHEMIST"),
            Row("RECEIPT"),
            Row(line),
            Row("VAT No: 751505596275"),
            Row("Paracetamol 500mg tablets x24", "14.00@500"),
            Row("TOTAL:", "60.10@500")));
        Assert.Equal("74, JALAN IPOH, 35587 SINGAPORE", N(r, FieldNames.ProviderAddress));
    }

    /// <summary>A Singapore address has no five-digit postcode to end it, so the block runs until a line that is no address:
    /// a VAT or company (UEN) number, or an abbreviated invoice number, is none.</summary>
    [Theory]
    [InlineData("VAT No: 654999479165")]
    [InlineData("UEN: 201912345K")]
    [InlineData("INV NO: CS72575571")]
    [InlineData("ABN: 046485771476")]
    public void An_address_without_a_postcode_ends_before_a_tax_or_invoice_number(string next)
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("Tesco Express"),
            Row("RECEIPT"),
            Row("192 Station Road, SINGAPORE"),
            Row(next),
            Row("Coffee", "28.00@500"),
            Row("AMOUNT DUE", "28.00@500")));
        Assert.Equal("192 Station Road, SINGAPORE", N(r, FieldNames.ProviderAddress));
    }

    [Theory]
    [InlineData("2 X COKE 330ML 3.50")]
    [InlineData("2 X COKE 330ML", "3.50@500")]
    public void An_item_row_that_starts_with_a_number_is_no_address(params string[] item)
    {
        // The price may be read on the row's line or apart from it, as its own column.
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("KEDAI RUNCIT MAJU JAYA"),
            Row("CASH BILL"),
            Row(item),
            Row("1 X ROTI BAKAR", "2.20@500"),
            Row("TOTAL", "5.70@500")));
        Assert.Equal("KEDAI RUNCIT MAJU JAYA", N(r, FieldNames.ProviderName));
        Assert.Null(N(r, FieldNames.ProviderAddress));
    }

    [Fact]
    public void A_unit_number_like_a_price_in_the_address_does_not_end_the_header()
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("MAJU BOOKS SDN BHD"),
            Row("LOT 1.08, LEVEL 1, MID VALLEY"),
            Row("59200 KUALA LUMPUR"),
            Row("DATE: 12/03/2024"),
            Row("NOTEBOOK A5", "3.50@500"),
            Row("TOTAL", "3.50@500")));
        Assert.Equal("LOT 1.08, LEVEL 1, MID VALLEY 59200 KUALA LUMPUR", N(r, FieldNames.ProviderAddress));
    }

    [Theory]
    [InlineData("华润万家超市〈人民路店 )", "华润万家超市（人民路店）")]
    [InlineData("星巴克 (解放路店 )", "星巴克（解放路店）")]
    [InlineData("苏宁易购（和平路店）", "苏宁易购（和平路店）")]
    [InlineData("老街坊面馆", "老街坊面馆")]
    public void A_chinese_chains_branch_is_read_in_the_brackets_it_is_printed_with(string seller, string expected)
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row(seller),
            Row("购物小票"),
            Row("山东省建设路 254 号"),
            Row("合计", "86.50@500")));
        Assert.Equal(expected, N(r, FieldNames.ProviderName));
    }

    [Theory]
    [InlineData("KEDAI (M) SDN BHD", "KEDAI (M) SDN BHD")]
    [InlineData("ABC TRADING (KL) SON BHD", "ABC TRADING (KL) SDN BHD")]
    public void A_latin_sellers_brackets_are_left_as_printed(string seller, string expected) =>
        Assert.Equal(expected, DocumentTypes.Receipt.ReceiptExtractor.MendSellerName(seller));

    [Fact]
    public void A_chinese_line_without_a_house_number_is_no_address()
    {
        // A goods line or a slogan that names a street is not the seller's address: it needs 路/街 … then a number and 号.
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("老街坊面馆"),
            Row("结账单"),
            Row("中山路特色牛肉面", "32.00@500"),
            Row("合计", "32.00@500")));
        Assert.Null(N(r, FieldNames.ProviderAddress));
    }

    [Theory]
    [InlineData("流水号：A55336017", "A55336017")]
    [InlineData("小票号：83002211", "83002211")]
    [InlineData("INV NO: CS1122175", "CS1122175")]
    [InlineData("Doc No: T73364339", "T73364339")]
    public void Receipt_numbers_under_the_labels_tills_print_are_read(string line, string expected)
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("GOLDEN LEAF HARDWARE TRADING"),
            Row(line),
            Row("TOTAL@40", "12.90@600")));
        Assert.Equal(expected, N(r, FieldNames.InvoiceNumber));
    }

    [Theory]
    [InlineData("+603-91 30 2672")]
    [InlineData("(03) 9130 2672")]
    public void Receipt_address_whose_postcode_ocr_misread_stops_at_a_phone_line_however_it_is_spaced(string phone)
    {
        // §6100 is no postcode, so nothing closes the address but the phone line under it.
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("RESTORAN SELERA KITA SDN BHD"),
            Row("NO 37, JALAN MANIS 7, TAMAN SEGAR,"),
            Row("§6100 CHERAS, KUALA LUMPUR."),
            Row(phone),
            Row("TOTAL@40", "12.90@600")));
        // Normalised, the postcode's § is the 5 OCR misread; as printed it stays.
        Assert.Equal("NO 37, JALAN MANIS 7, TAMAN SEGAR, 56100 CHERAS, KUALA LUMPUR.", N(r, FieldNames.ProviderAddress));
        Assert.Equal("NO 37, JALAN MANIS 7, TAMAN SEGAR, §6100 CHERAS, KUALA LUMPUR.", r.Fields[FieldNames.ProviderAddress].Value);
    }

    [Fact]
    public void Receipt_address_keeps_its_closing_comma_and_a_state_line_that_looks_like_a_registration_number()
    {
        // Only a run with a digit is a registration number: SELANGOR and ELECTRICAL are words.
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("SINAR HARDWARE &"),
            Row("ELECTRICAL"),
            Row("NO. 8, JALAN PBS 14/11,"),
            Row("43300 SERI KEMBANGAN,"),
            Row("SELANGOR"),
            Row("TEL: 03-8943 3143")));
        Assert.Equal("SINAR HARDWARE & ELECTRICAL", N(r, FieldNames.ProviderName));
        Assert.Equal("NO. 8, JALAN PBS 14/11, 43300 SERI KEMBANGAN, SELANGOR", N(r, FieldNames.ProviderAddress));

        var comma = Extractor.Extract(DocumentType.Other, Doc(
            Row("SINAR HARDWARE ENTERPRISE"),
            Row("(822737-X)"),
            Row("NO. 17-G, JALAN SETIA INDAH,"),
            Row("SEKSYEN U13, 40170 SHAH ALAM,"),
            Row("TEL: 012-665 1783")));
        Assert.Equal("NO. 17-G, JALAN SETIA INDAH, SEKSYEN U13, 40170 SHAH ALAM,", N(comma, FieldNames.ProviderAddress));
        Assert.Equal("SINAR HARDWARE ENTERPRISE", N(comma, FieldNames.ProviderName));
    }

    [Fact]
    public void Receipt_seller_is_the_first_legal_name_not_the_brand_under_it_nor_a_former_name()
    {
        var brand = Extractor.Extract(DocumentType.Other, Doc(
            Row("NORDIC HOME RETAIL SDN BHD"),
            Row("(1074617K)"),
            Row("NORDIC HOME DAMANSARA"),
            Row("NO 2A JALAN COCHRANE"),
            Row("55100 KUALA LUMPUR"),
            Row("GST NO.: 000115154944")));
        Assert.Equal("NORDIC HOME RETAIL SDN BHD", N(brand, FieldNames.ProviderName));

        var former = Extractor.Extract(DocumentType.Other, Doc(
            Row("SELERA JAYA RESTAURANTS SDN BHD"),
            Row("(65351-M)"),
            Row("FORMERLY KNOWN AS"),
            Row("SELERA EMAS RESTAURANTS SDN BHD"),
            Row("LEVEL 6, BANGUNAN TH, UPTOWN 3"),
            Row("NO.3, JALAN SS21/39,47400 PETALING JAYA"),
            Row("SELANGOR"),
            Row("(GST ID NO: 000504664064)")));
        Assert.Equal("SELERA JAYA RESTAURANTS SDN BHD", N(former, FieldNames.ProviderName));
        Assert.Equal("LEVEL 6, BANGUNAN TH, UPTOWN 3 NO.3, JALAN SS21/39,47400 PETALING JAYA SELANGOR", N(former, FieldNames.ProviderAddress));
    }

    [Fact]
    public void Receipt_seller_broken_over_lines_is_joined_and_a_registration_label_is_no_part_of_it()
    {
        var broken = Extractor.Extract(DocumentType.Other, Doc(
            Row("TAN AH KOW"),
            Row("SENG HUAT HARDWARE"),
            Row("ENTERPRISE (BANDAR"),
            Row("BARU) SDN BHD"),
            Row("(CO. REG : 822737-X)"),
            Row("NO. 17-G, JALAN SETIA INDAH,"),
            Row("40170 SHAH ALAM,")));
        Assert.Equal("SENG HUAT HARDWARE ENTERPRISE (BANDAR BARU) SDN BHD", N(broken, FieldNames.ProviderName));

        var company = Extractor.Extract(DocumentType.Other, Doc(
            Row("UNIVERSAL BOOK"),
            Row("CO. (M) SDN BHD"),
            Row("(COMPANY NO. 113825-W)"),
            Row("NO 8, JALAN 7/118B, DESA TUN RAZAK")));
        Assert.Equal("UNIVERSAL BOOK CO. (M) SDN BHD", N(company, FieldNames.ProviderName));
    }

    [Fact]
    public void Receipt_seller_may_start_with_a_number_or_a_label_and_a_registration_line_is_no_seller()
    {
        var digits = Extractor.Extract(DocumentType.Other, Doc(
            Row("88 MINI MART S/B (519537-X)"),
            Row("LOT P.T. 2811, JALAN ANGSA,"),
            Row("41150 KLANG, SELANGOR")));
        Assert.Equal("88 MINI MART S/B", N(digits, FieldNames.ProviderName));
        Assert.Equal("LOT P.T. 2811, JALAN ANGSA, 41150 KLANG, SELANGOR", N(digits, FieldNames.ProviderAddress));

        var owned = Extractor.Extract(DocumentType.Other, Doc(
            Row("PHO CORNER"),
            Row("DIMILIKI: PHO CORNER CAFE SDN BHD 1110644-W"),
            Row("NO. 1 JALAN PUTERI 7/10"),
            Row("47100 PUCHONG")));
        Assert.Equal("PHO CORNER CAFE SDN BHD", N(owned, FieldNames.ProviderName));

        var registration = Extractor.Extract(DocumentType.Other, Doc(
            Row("SEJATI MINI MARKET"),
            Row("BR NO.: 0195932-X"),
            Row("NO 43-45-47G,"),
            Row("45600 BESTARI JAYA,")));
        Assert.Equal("SEJATI MINI MARKET", N(registration, FieldNames.ProviderName));
    }

    [Fact]
    public void Receipt_seller_without_a_legal_form_is_the_top_line_of_the_header_not_a_line_set_apart_above_it()
    {
        // Rows are 40 px apart: two empty rows leave 90 px between boxes 30 px high, more than twice a line height.
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("LIM AH SENG"),
            Row(),
            Row(),
            Row("TIGA SAUDARA"),
            Row("BISTRO & CAFE"),
            Row("109, SS21/1A,"),
            Row("DAMANSARA UTAMA"),
            Row("GST ID : 001661886464")));
        Assert.Equal("TIGA SAUDARA", N(r, FieldNames.ProviderName));
        Assert.Equal("109, SS21/1A, DAMANSARA UTAMA", N(r, FieldNames.ProviderAddress));
    }

    [Fact]
    public void Receipt_date_is_the_one_printed_with_a_time_not_an_item_code_that_reads_as_a_date()
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("KEDAI PERABOT MAJU ENTERPRISE"),
            Row("HD03-04-06 - 5/40/160@40", "1@400", "12.00@600"),
            Row("CK 11-22-31 - 10/400@40", "1@400", "8.50@600"),
            Row("TOTAL@40", "20.50@600"),
            Row("19-09-17 15:39 SH01 ZJ03")));
        Assert.Equal("2017-09-19", N(r, FieldNames.DocumentDate));

        // A date labelled DATE still wins over one with a time.
        var labelled = Extractor.Extract(DocumentType.Other, Doc(
            Row("KEDAI PERABOT MAJU ENTERPRISE"),
            Row("DATE: 18/09/2017"),
            Row("PRINTED 19-09-17 15:39")));
        Assert.Equal("2017-09-18", N(labelled, FieldNames.DocumentDate));
    }

    [Fact]
    public void Receipt_total_is_the_rounded_one_below_a_rounding_adjustment()
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("BANH CAFE SDN BHD"),
            Row("TOTAL (EXCLUDING GST):@40", "21.94@600"),
            Row("TOTAL (INCLUSIVE OF GST):@40", "23.26@600"),
            Row("ROUNDING ADJ:@40", "-0.01@600"),
            Row("TOTAL:@40", "23.25@600")));
        Assert.Equal("23.25", N(r, FieldNames.TotalAmount));

        // Without a rounding line the total with tax still wins over the one without.
        var plain = Extractor.Extract(DocumentType.Other, Doc(
            Row("BANH CAFE SDN BHD"),
            Row("TOTAL (EXCLUDING GST):@40", "21.94@600"),
            Row("TOTAL (INCLUSIVE OF GST):@40", "23.26@600")));
        Assert.Equal("23.26", N(plain, FieldNames.TotalAmount));
    }

    [Theory]
    [InlineData("WARAKUYA PERMAS CITY SON BHD", "WARAKUYA PERMAS CITY SDN BHD")]
    [InlineData("BOOK TA (TAMAN DAYA) SDN 8HD", "BOOK TA (TAMAN DAYA) SDN BHD")]
    [InlineData("UNIHAKKA INTERNATIONAL 5DN. BHD.", "UNIHAKKA INTERNATIONAL SDN. BHD.")]
    [InlineData("Taste Of The World Sdn Bh0", "Taste Of The World Sdn Bhd")]
    // Both words misread, or a lone SON: no proof it is the legal form, so left as read.
    [InlineData("KEDAI SON 8HD", "KEDAI SON 8HD")]
    [InlineData("AH SON TRADING", "AH SON TRADING")]
    [InlineData("HOCK LEE & SON BHD", "HOCK LEE & SON BHD")]
    [InlineData("MR. D.I.Y. SDN BHD", "MR. D.I.Y. SDN BHD")]
    [InlineData("WAHIN HARDWARE SIN BHD", "WAHIN HARDWARE SDN BHD")]
    [InlineData("RESTORAN HUP SIN", "RESTORAN HUP SIN")]
    // A Latin Y OCR read as ¥, or read twice, the second time as ¥.
    [InlineData("MR. D.I.¥. (KUCHAI) SDN BHD", "MR. D.I.Y. (KUCHAI) SDN BHD")]
    [InlineData("MR.D.I.Y¥(M)SDN BHD", "MR.D.I.Y(M)SDN BHD")]
    public void Receipt_seller_name_is_mended_where_ocr_misread_one_glyph_of_its_sdn_bhd_or_a_y(string printed, string expected)
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row(printed),
            Row("NO 37, JALAN MANIS 7, TAMAN SEGAR,"),
            Row("56100 CHERAS, KUALA LUMPUR."),
            Row("TOTAL@40", "12.90@600")));
        Assert.Equal(expected, N(r, FieldNames.ProviderName));
        Assert.Equal(printed, r.Fields[FieldNames.ProviderName].Value); // the value as printed stays for the adjuster
    }

    [Theory]
    [InlineData("99 SPEED MART (519537-X)", "99 SPEED MART")]
    [InlineData("99 SPEED MART S/B (519537-¥)", "99 SPEED MART S/B")] // OCR read the registration's letter as ¥
    public void Receipt_seller_whose_name_starts_with_a_number_is_read_when_its_line_carries_the_registration_number(string printed, string expected)
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row(printed),
            Row("LOT P.T. 2811, JALAN ANGSA,"),
            Row("TAMAN BERKELEY"),
            Row("41150 KLANG, SELANGOR"),
            Row("TOTAL@40", "12.90@600")));
        Assert.Equal(expected, N(r, FieldNames.ProviderName));
    }

    [Fact]
    public void Receipt_line_ocr_is_barely_sure_of_is_no_seller_name()
    {
        var page = Build(
            Row("Aozore-"),
            Row("RESTAURANT SIN DU"),
            Row("K3-113, JL IBRAHIM SULTAN"),
            Row("80300 JOHOR BAHRU"),
            Row("TOTAL@40", "170.00@600"));
        // Read as sure as the rest, the top line is the seller (a shop's name over a line describing it).
        Assert.Equal("Aozore-", N(Extractor.Extract(DocumentType.Other, new([page], [])), FieldNames.ProviderName));

        // The same logo read at confidence 0.06: noise, and the restaurant's own line names it.
        var logo = page with { Lines = [page.Lines[0] with { Confidence = 0.06 }, .. page.Lines.Skip(1)] };
        Assert.Equal("RESTAURANT SIN DU", N(Extractor.Extract(DocumentType.Other, new([logo], [])), FieldNames.ProviderName));
    }

    [Fact]
    public void Receipt_total_after_adjustment_is_the_rounded_total_unless_it_is_further_off_than_a_rounding()
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("AEON CO. (M) BHD"),
            Row("Sub-total@40", "17.76@600"),
            Row("Total Sales Incl GST@40", "17.76@600"),
            Row("Total After Adj Incl GST@40", "17.75@600")));
        Assert.Equal("17.75", N(r, FieldNames.TotalAmount));

        // 702.00 is no rounding of 102.00: a misread copy, and the figure printed three times is the total.
        var misread = Extractor.Extract(DocumentType.Other, Doc(
            Row("GL HANDICRAFT & TAILORING"),
            Row("6.00 BOXS X 17.00@40", "102.00@600"),
            Row("Subtotal :@40", "102.00@600"),
            Row("Total incl. of GST@40", "102.00@600"),
            Row("TotalAmt Rounded@40", "702.00@600")));
        Assert.Equal("102.00", N(misread, FieldNames.TotalAmount));
    }

    [Fact]
    public void Receipt_total_read_once_with_one_digit_off_gives_way_to_the_figure_printed_again()
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("BOOK TA (TAMAN DAYA) SDN BHD"),
            Row("1PC * 9.00@40", "9.00@600"),
            Row("Total :@40", "9.00@600"),
            Row("Round:d Total (RM):@40", "9.60@600")));
        Assert.Equal("9.00", N(r, FieldNames.TotalAmount));

        // Two totals whose gap the receipt prints are two figures, however alike their digits: tax, discount, service.
        Assert.Equal("10.60", N(Extractor.Extract(DocumentType.Other, Doc(
            Row("KEDAI RUNCIT MAJU"),
            Row("ITEM A@40", "10.00@600"),
            Row("TOTAL@40", "10.00@600"),
            Row("GST 6%@40", "0.60@600"),
            Row("TOTAL INCL. GST@40", "10.60@600"))), FieldNames.TotalAmount));
        Assert.Equal("20.00", N(Extractor.Extract(DocumentType.Other, Doc(
            Row("KEDAI RUNCIT MAJU"),
            Row("ITEM A@40", "25.00@600"),
            Row("TOTAL@40", "25.00@600"),
            Row("DISCOUNT@40", "5.00@600"),
            Row("NETT TOTAL@40", "20.00@600"))), FieldNames.TotalAmount));

        // Two totals that differ by more than a digit are two figures: the larger (with tax) stays.
        var tax = Extractor.Extract(DocumentType.Other, Doc(
            Row("KEDAI RUNCIT MAJU"),
            Row("ITEM A@40", "9.00@600"),
            Row("Total :@40", "9.00@600"),
            Row("Total Incl. GST :@40", "9.54@600")));
        Assert.Equal("9.54", N(tax, FieldNames.TotalAmount));
    }

    [Theory]
    [InlineData("Tota! Incl. of GST")]
    [InlineData("Tota] Incl. of GST")]
    [InlineData("iotal Incl. of GST")]
    [InlineData("T0TAL INCL. OF GST")]
    public void Receipt_total_word_with_one_glyph_misread_is_still_a_total_row(string label)
    {
        // The rounded row's 45.90 is no rounding of 15.90, and the item row prints 15.90 again: 45.90 is the misread copy.
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("SETIA GEMBILANG ENTERPRISE"),
            Row("1.00 X 15.90@40", "15.90@600"),
            Row(label + "@40", "15.90@600"),
            Row("Total Amt Rounded@40", "45.90@600")));
        Assert.Equal("15.90", N(r, FieldNames.TotalAmount));
    }

    [Fact]
    public void Receipt_rounding_row_is_known_through_a_misread_total_word()
    {
        // ROUNDING TOTA! is the rounded total's row, not a rounding adjustment that would put the row below it first.
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("KEDAI RUNCIT MAJU"),
            Row("TOTAL INCL. GST@40", "53.02@600"),
            Row("ROUNDING TOTA!@40", "53.00@600"),
            Row("GRAND TOTAL@40", "53.02@600")));
        Assert.Equal("53.00", N(r, FieldNames.TotalAmount));
    }

    [Theory]
    [InlineData("Sub Tota!")]
    [InlineData("SUB-iotal")]
    public void Receipt_subtotal_with_a_misread_total_word_is_still_no_total(string label)
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("KEDAI RUNCIT MAJU"),
            Row(label + "@40", "60.00@600"),
            Row("TOTAL@40", "53.00@600")));
        Assert.Equal("53.00", N(r, FieldNames.TotalAmount));
    }

    [Fact]
    public void Receipt_rounded_total_printed_alone_under_the_rounding_row_is_the_total()
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("INDAH GIFT & HOME DECO"),
            Row("62483 1 55.90@40", "55.90@600"),
            Row("#Total Qty 2"),
            Row("ROUNDING ADJ. ........"),
            Row("RM 60.30 J@500"),
            Row("CHANGE@40", "RM 10.00@600")));
        Assert.Equal("60.30", N(r, FieldNames.TotalAmount));

        // The adjustment's own figure under its row is no total.
        var adjustment = Extractor.Extract(DocumentType.Other, Doc(
            Row("INDAH GIFT & HOME DECO"),
            Row("62483 1 55.90@40", "55.90@600"),
            Row("ROUNDING ADJ."),
            Row("0.02@500")));
        Assert.Null(N(adjustment, FieldNames.TotalAmount));
    }

    [Fact]
    public void Receipt_without_a_total_row_takes_the_cash_printed_under_its_label()
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("RESTAURANT SIN DU"),
            Row("OPT.08 RM 149.00"),
            Row("DPI.08 RM 21.00"),
            Row("CASH"),
            Row("RM 170. 00@60")));
        Assert.Equal("170.00", N(r, FieldNames.TotalAmount));

        // A line of words under the label is no figure of its own.
        var words = Extractor.Extract(DocumentType.Other, Doc(
            Row("RESTAURANT SIN DU"),
            Row("CASH"),
            Row("THANK YOU 170.00 PLEASE COME AGAIN")));
        Assert.Null(N(words, FieldNames.TotalAmount));
    }

    [Theory]
    [InlineData("Total Amt Payable - 79.50")]
    [InlineData("AMOUNT PAYABLE : 79.50")]
    public void Receipt_total_payable_is_read_past_a_dash_that_separates_it_from_its_label(string row)
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("LIAN HING STATIONERY SDN BHD"),
            Row("Total Amt Incl. GST @ 6% : 7950"),
            Row(row),
            Row("GST Summary Amount Tax"),
            Row(": Total 75.00 4.50")));
        Assert.Equal("79.50", N(r, FieldNames.TotalAmount));
    }

    [Fact]
    public void Receipt_total_excluding_tax_is_no_total()
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("KEDAI RUNCIT MAJU"),
            Row("TOTAL AMT EXCL. GST@40", "50.00@600"),
            Row("TOTAL@40", "53.00@600")));
        Assert.Equal("53.00", N(r, FieldNames.TotalAmount));
    }

    [Fact]
    public void Receipt_total_equal_to_cash_minus_change_wins_over_a_stronger_cue()
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("KEDAI RUNCIT MAJU"),
            Row("TOTAL AMOUNT@40", "50.00@600"),
            Row("DISCOUNT@40", "-5.00@600"),
            Row("TOTAL@40", "45.00@600"),
            Row("CASH@40", "50.00@600"),
            Row("CHANGE@40", "5.00@600")));
        Assert.Equal("45.00", N(r, FieldNames.TotalAmount));

        // Cash rounded to 5 sen matches no total row: the printed total stays the total.
        var rounded = Extractor.Extract(DocumentType.Other, Doc(
            Row("KEDAI RUNCIT MAJU"),
            Row("TOTAL (EXCL GST)@40", "21.94@600"),
            Row("TOTAL (INCL GST)@40", "23.26@600"),
            Row("CASH@40", "30.00@600"),
            Row("CHANGE@40", "6.75@600")));
        Assert.Equal("23.26", N(rounded, FieldNames.TotalAmount));
    }

    [Fact]
    public void Receipt_reads_a_net_amount_row_and_not_the_gross_one()
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("RESTORAN SERI MURNI SDN BHD"),
            Row("GROSS AMT :@300", "47.80@600"),
            Row("SVR TAX :@300", "2.87@600"),
            Row("GST (6%) :@300", "2.86@600"),
            Row("NET AMT :@300", "53.55@600")));
        Assert.Equal("53.55", N(r, FieldNames.TotalAmount));
    }

    [Fact]
    public void Receipt_total_on_a_slanted_scan_skips_the_zero_amount_of_the_row_above()
    {
        // Slanted: the amounts on the right sit lower than their labels, so the GST row's 0.00 is as near the TOTAL
        // label as the TOTAL's own amount. A total is never 0.00.
        OcrLine L(string text, int x, int y) => new(text, 0.9, new BoundingBox(x, y, text.Length * 16, 36), [new OcrWord(text, 0.9, new BoundingBox(x, y, text.Length * 16, 36))]);
        var page = new OcrPage
        {
            Width = 800, Height = 400, Language = "eng", MeanConfidence = 0.9,
            Lines =
            [
                L("RESTORAN HASSAN BISTRO", 70, 20),
                L("GST 6%", 200, 100), L("0.00", 620, 112),
                L("TOTAL INCL 6% GST", 200, 136), L("15.00", 610, 158),
            ],
        };
        var r = Extractor.Extract(DocumentType.Other, new VisionResult([page], []));
        Assert.Equal("15.00", N(r, FieldNames.TotalAmount));
    }

    [Fact]
    public void Receipt_without_address_names_its_seller_above_the_receipt_title_not_the_customer_under_it()
    {
        var pharmacy = Extractor.Extract(DocumentType.PharmacyReceipt, Doc(
            Row("Rite Aid #7545"),
            Row("PHARMACY RECEIPT"),
            Row("Receipt #: 392612787"),
            Row("Date: 2022-05-04"),
            Row("Customer: Linda Moore"),
            Row("Item Qty Amount@200"),
            Row("Omeprazole capsules@60", "103.12@560"),
            Row("TOTAL: 103.12")));
        Assert.Equal("Rite Aid #7545", N(pharmacy, FieldNames.ProviderName));

        var shop = Extractor.Extract(DocumentType.Other, Doc(
            Row("家乐福@290"),
            Row("购物小票@300"),
            Row("日期 : 2024.05.20"),
            Row("商品数量@200"),
            Row("洗衣液@70", "39.90@560"),
            Row("苹果 1.5 kg@70", "29.70@560"),
            Row("应付 : ¥39.90")));
        Assert.Equal("家乐福", N(shop, FieldNames.ProviderName));

        // A first line that is a label with its value is no seller, title or not.
        var labelled = Extractor.Extract(DocumentType.Other, Doc(
            Row("Order: 55120"),
            Row("SALES RECEIPT"),
            Row("TOTAL: 12.00")));
        Assert.NotEqual("Order: 55120", N(labelled, FieldNames.ProviderName));
    }

    [Theory]
    [InlineData("合计 : 889.12", "889.12")]
    [InlineData("应付 : ¥75.60", "75.60")]
    [InlineData("实 付 : 136.66", "136.66")]
    public void Chinese_receipt_total_is_read_beside_its_total_cue_and_not_the_subtotal(string row, string expected)
    {
        var r = Extractor.Extract(DocumentType.PharmacyReceipt, Doc(
            Row("湖北省同仁堂药店@230"),
            Row("销售小票@320"),
            Row("日期 : 2024.06.02"),
            Row("人血白蛋白@70", "648.00@560"),
            Row("小计 : 999.99"),
            Row(row),
            Row("找零 : 0.50")));
        Assert.Equal(expected, N(r, FieldNames.TotalAmount));
        Assert.Equal("2024-06-02", N(r, FieldNames.DocumentDate));
        Assert.Equal("湖北省同仁堂药店", N(r, FieldNames.ProviderName));
    }

    [Fact]
    public void Cash_handed_over_is_not_the_total_of_a_chinese_receipt()
    {
        var r = Extractor.Extract(DocumentType.PharmacyReceipt, Doc(
            Row("湖北省同仁堂药店@230"),
            Row("销售小票@320"),
            Row("合计 : 58.50"),
            Row("实收 : 100.00"),
            Row("找零 : 41.50")));
        Assert.Equal("58.50", N(r, FieldNames.TotalAmount));
    }

    [Fact]
    public void Chinese_receipt_date_labelled_日期_wins_over_an_earlier_one()
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("联华便利店@290"),
            Row("购物小票@300"),
            Row("会员有效期 2025-12-31"),
            Row("日期 : 2022.01.22"),
            Row("合计 : 185.10")));
        Assert.Equal("2022-01-22", N(r, FieldNames.DocumentDate));
    }

    [Fact]
    public void Receipt_without_address_or_readable_title_takes_its_top_line_and_reads_no_address()
    {
        // The title under the seller was misread (receqn), so only the layout is left: the seller tops the receipt;
        // the column heading further down is no seller, and the label lines under the seller are no address.
        var r = Extractor.Extract(DocumentType.PharmacyReceipt, Doc(
            Row("Walgreens #8192"),
            Row("Customer receqn"),
            Row("Receipt * 173459577"),
            Row("Date 28-Sep-2021"),
            Row("Cashier: 037"),
            Row("Amount@540"),
            Row("Cefuroxime injecton@100", "60.20@560"),
            Row("TOTAL: 60.20")));
        Assert.Equal("Walgreens #8192", N(r, FieldNames.ProviderName));
        Assert.Null(N(r, FieldNames.ProviderAddress));
    }
}
