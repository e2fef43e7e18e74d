using System.Globalization;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Synthesis.Rendering;

/// <summary>
/// Non-medical receipts (the <c>other</c> type): till rolls and bills from many kinds of shop — supermarkets,
/// restaurants and cafés, hardware, stationery and book shops, electrical and home stores, fuel stations — with the
/// rows real ones print around the goods: the seller's registration or tax number, address and telephone, receipt
/// number, cashier or table, a subtotal with tax, service charge, discount or rounding, and what was tendered. The
/// classifier must tell these from pharmacy receipts and invoices by what was bought and who sold it, not by the shape
/// of a till roll (a model trained on four supermarkets' grocery slips called a Malaysian restaurant's bills pharmacy
/// receipts; docs/classifier.md).
/// </summary>
internal static class ShopReceipts
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private sealed record Goods(string Zh, string En, decimal Price);

    /// <summary>A kind of shop: its goods, its seller names (Chinese chains and stems, English chains and trade
    /// nouns), its receipt titles, and whether quantities are litres.</summary>
    private sealed record Trade(
        Goods[] Items, string[] ZhChains, string[] ZhKinds, string[] EnChains, string[] EnKinds, string[] ZhTitles, string[] EnTitles, bool Litres = false, bool Table = false);

    private static readonly Trade[] Trades =
    [
        new([
                new("矿泉水 550ml", "Spring water 550ml", 2m), new("全麦面包", "Wholemeal bread", 12.5m), new("鲜牛奶 1L", "Fresh milk 1L", 15.8m),
                new("苹果 1kg", "Apples 1kg", 9.9m), new("洗衣液", "Laundry liquid", 39.9m), new("鸡蛋 10枚", "Eggs x10", 14.5m), new("大米 5kg", "Rice 5kg", 45m),
                new("酸奶", "Yoghurt", 6.5m), new("咖啡", "Coffee", 28m), new("卫生纸 10卷", "Toilet roll 10s", 24.9m), new("食用油 5L", "Cooking oil 5L", 69.9m),
                new("薯片", "Potato chips", 7.5m), new("可乐 330ml", "Cola 330ml", 3m), new("猪肉 500g", "Minced pork 500g", 18.6m),
            ],
            ["华润万家超市", "永辉超市", "联华便利店", "家乐福", "物美超市"], ["便利店", "生鲜超市", "超市", "商店"],
            ["Walmart Supercenter", "Target", "Whole Foods Market", "7-Eleven", "Tesco Express", "AEON", "99 SPEED MART"], ["MINI MARKET", "SUPERMARKET", "GROCER", "MART", "STORE"],
            ["购物小票", "销售小票", "收银小票"], ["SALES RECEIPT", "RECEIPT", "TAX INVOICE", "CASH SALE"]),
        new([
                new("宫保鸡丁", "Kung pao chicken", 38m), new("米饭", "Steamed rice", 2m), new("酸梅汤", "Plum juice", 8m), new("红烧肉", "Braised pork", 48m),
                new("炒河粉", "Fried kway teow", 15m), new("奶茶", "Milk tea", 12m), new("牛肉拉面", "Beef noodle soup", 32m), new("水饺 12只", "Dumplings x12", 22m),
                new("啤酒", "Beer", 10m), new("清炒时蔬", "Stir-fried greens", 18m), new("鸡饭", "Chicken rice", 9.5m), new("冰柠檬茶", "Iced lemon tea", 4.5m),
                new("炒面", "Fried noodles", 8m), new("咖喱鱼头", "Fish head curry", 35m),
            ],
            ["海底捞火锅", "老乡鸡", "西贝莜面村"], ["餐厅", "酒家", "小吃店", "面馆", "饭店"],
            ["NANDO'S", "PAPPARICH", "McDonald's", "Subway"], ["RESTAURANT", "RESTORAN", "KITCHEN", "FOOD & BEVERAGE", "DINER", "NOODLE HOUSE"],
            ["结账单", "消费单", "点菜单"], ["BILL", "TAX INVOICE", "RECEIPT", "CHECK"], Table: true),
        new([
                new("美式咖啡", "Americano", 22m), new("拿铁", "Cafe latte", 28m), new("卡布奇诺", "Cappuccino", 28m), new("芝士蛋糕", "Cheesecake", 32m),
                new("牛角包", "Croissant", 15m), new("热巧克力", "Hot chocolate", 25m), new("三明治", "Club sandwich", 36m), new("松饼", "Muffin", 12m),
            ],
            ["瑞幸咖啡", "星巴克", "Manner咖啡"], ["咖啡", "咖啡馆", "面包房"],
            ["Starbucks", "Costa Coffee", "Tim Hortons"], ["CAFE", "COFFEE", "BAKERY", "COFFEE HOUSE"],
            ["消费小票", "结账单"], ["RECEIPT", "ORDER", "TAX INVOICE"], Table: true),
        new([
                new("十字螺丝刀", "Screwdriver PH2", 15m), new("活动扳手 10寸", "Adjustable spanner 10in", 38m), new("膨胀螺丝 50只", "Wall plugs x50", 12m),
                new("电线 2.5mm 10m", "Cable 2.5mm 10m", 65m), new("乳胶漆 5L", "Emulsion paint 5L", 128m), new("美纹纸胶带", "Masking tape", 6.5m),
                new("铁钉 1kg", "Nails 1kg", 9m), new("PVC水管 1/2寸", "PVC pipe 1/2in", 7.8m), new("LED灯泡 9W", "LED bulb 9W", 8.9m), new("挂锁", "Padlock 40mm", 25m),
                new("砂纸", "Sandpaper P120", 1.5m), new("硅胶", "Silicone sealant", 18m), new("水龙头", "Basin tap", 55m),
            ],
            ["东方雨虹建材"], ["五金商行", "五金建材店", "五金店", "建材商行"],
            ["The Home Depot", "B&Q", "MR. D.I.Y.", "Ace Hardware"], ["HARDWARE", "HARDWARE TRADING", "HARDWARE & ELECTRICAL", "BUILDING SUPPLIES", "TOOLS & MACHINERY"],
            ["销售单", "送货单", "收款收据"], ["CASH BILL", "TAX INVOICE", "INVOICE", "RECEIPT"]),
        new([
                new("A4复印纸 500张", "A4 paper 500 sheets", 25m), new("中性笔 10支", "Gel pens x10", 15m), new("文件夹", "File folder", 4.5m), new("练习本", "Exercise book", 2.5m),
                new("订书机", "Stapler", 18m), new("固体胶", "Glue stick", 3.5m), new("计算器", "Calculator", 45m), new("长篇小说", "Novel (paperback)", 39.8m),
                new("英汉词典", "Dictionary", 58m), new("彩色铅笔 24色", "Colour pencils 24s", 19.9m), new("便利贴", "Sticky notes", 6m),
            ],
            ["新华书店", "晨光文具", "西西弗书店"], ["文具店", "书店", "文化用品商行"],
            ["Staples", "POPULAR BOOKSTORE", "WHSmith", "Barnes & Noble"], ["STATIONERY", "STATIONERY & BOOKS", "BOOK CO.", "BOOKSTORE", "PRINTING & STATIONERY"],
            ["销售小票", "购书小票"], ["RECEIPT", "TAX INVOICE", "CASH SALE"]),
        new([
                new("电饭煲", "Rice cooker", 199m), new("落地扇", "Stand fan", 129m), new("5号电池 4节", "AA batteries x4", 12m), new("电热水壶", "Electric kettle", 89m),
                new("排插", "Extension socket", 35m), new("毛巾", "Bath towel", 19.9m), new("收纳箱", "Storage box", 29.9m), new("衣架 10只", "Hangers x10", 9.9m),
                new("台灯", "Desk lamp", 59m), new("不粘锅", "Frying pan", 79m),
            ],
            ["苏宁易购", "国美电器", "宜家家居"], ["电器商行", "家居", "日用百货"],
            ["IKEA", "Best Buy", "Argos"], ["ELECTRICAL", "HOME DECO", "HOMEWARE", "ELECTRICAL TRADING", "GIFT & HOME"],
            ["销售小票", "提货单"], ["TAX INVOICE", "RECEIPT", "SALES ORDER"]),
        new([
                new("92#汽油", "Unleaded 95", 7.9m), new("95#汽油", "Premium 97", 8.45m), new("0#柴油", "Diesel", 7.6m),
            ],
            ["中国石化", "中国石油", "中海油"], ["加油站"],
            ["Shell", "BP", "PETRONAS", "Chevron", "Caltex"], ["SERVICE STATION", "PETROL STATION", "FUEL STOP", "PETRO TRADING"],
            ["加油小票", "销售凭证"], ["RECEIPT", "TAX INVOICE", "FUEL RECEIPT"], Litres: true),
    ];

    private static readonly string[] ZhStems = ["福满楼", "金利", "红星", "顺发", "兴隆", "老街坊", "大华", "永兴", "德丰", "鑫源", "好运来", "恒昌", "新世纪"];
    private static readonly string[] EnStems =
        ["GOLDEN LEAF", "SIN KEE", "LIM SENG", "RIVERSIDE", "OAK & PINE", "HAPPY", "EVERGREEN", "SUNRISE", "BLUE OCEAN", "LUCKY STAR", "MAPLE", "HARBOUR", "TAN BROTHERS", "NORTHGATE", "WAH HIN", "KAMPUNG"];
    private static readonly string[] EnCompanySuffixes = ["", "", "SDN BHD", "S/B", "ENTERPRISE", "TRADING", "LTD", "PTE LTD", "INC", "LLC", "& CO"];
    private static readonly string[] ZhRoads = ["人民路", "解放路", "建设路", "中山路", "新华街", "文化路", "和平路", "胜利街"];
    private static readonly string[] EnStreets = ["JALAN BUNGA RAYA", "JALAN IPOH", "Main Street", "High Street", "Market Road", "Station Road", "Elm Street", "JALAN MERDEKA"];
    private static readonly string[] EnTowns = ["KUALA LUMPUR", "JOHOR BAHRU", "PETALING JAYA", "Springfield", "Riverton", "Oakland", "SINGAPORE", "Leeds"];

    /// <summary>A receipt of a random kind of shop, dated near the case's documents (an uploader's unrelated paperwork).</summary>
    public static DocumentSpec Receipt(SpecContext x)
    {
        var r = x.Random;
        var trade = Trades[r.Next(Trades.Length)];
        var shop = x.Zh ? ZhShop(x, trade) : EnShop(x, trade);
        var items = Items(x, trade);
        var subtotal = items.Sum(i => i.Amount);

        var header = new List<Entry> { SpecContext.Text("", FieldNames.ProviderAddress, Address(x)) };
        if (r.Next(3) > 0) header.Add(SpecContext.Plain(x.L("电话", x.Pick("TEL", "Tel", "Phone")), Telephone(x)));
        if (r.Next(2) == 0) header.Add(TaxNumber(x));
        header.Add(SpecContext.Text(x.L(x.Pick("单号", "流水号", "小票号"), x.Pick("Receipt #", "INV NO", "Bill No", "RECEIPT", "Doc No")), FieldNames.InvoiceNumber,
            $"{x.Pick("", "A", "CS", "T")}{r.Next(10000, 99999999)}"));
        header.Add(x.Date(x.L("日期", x.Pick("Date", "DATE")), FieldNames.DocumentDate, x.Case.DocumentDate.AddDays(r.Next(-30, 30))));
        if (r.Next(2) == 0) header.Add(SpecContext.Plain(x.L("时间", "Time"), Clock(x, r.Next(7, 23), r.Next(60))));
        if (trade.Table && r.Next(3) > 0) header.Add(SpecContext.Plain(x.L("桌号", x.Pick("Table", "TABLE NO")), $"{r.Next(1, 40)}"));
        header.Add(SpecContext.Plain(x.L(x.Pick("收银员", "收银"), x.Pick("Cashier", "CASHIER", "Served by")), x.Zh ? $"{r.Next(1, 60):000}" : x.Pick("POS1", "ANN", "MARY", $"{r.Next(1, 60):00}")));

        return new DocumentSpec
        {
            Title = shop,
            TitleField = (FieldNames.ProviderName, shop),
            Subtitle = x.Zh ? x.Pick(trade.ZhTitles) : x.Pick(trade.EnTitles),
            Header = header,
            Table = Table(x, trade, items),
            Footer = Footer(x, trade, subtotal),
            Width = x.Pick(560, 600, 640),
            MinHeight = 640,
        };
    }

    /// <summary>A till's time of day: Chinese tills print seconds on a 24-hour clock, English ones 24-hour or 12-hour with AM/PM.</summary>
    private static string Clock(SpecContext x, int hour, int minute)
    {
        if (x.Zh) return $"{hour:00}:{minute:00}:{x.Random.Next(60):00}";
        return x.Random.Next(2) == 0 ? $"{hour:00}:{minute:00}" : $"{(hour + 11) % 12 + 1:00}:{minute:00} {(hour < 12 ? "AM" : "PM")}";
    }

    private sealed record Line(string Name, decimal Quantity, decimal Price, decimal Amount);

    private static List<Line> Items(SpecContext x, Trade trade)
    {
        var r = x.Random;
        if (trade.Litres)
        {
            var fuel = x.Pick(trade.Items);
            var litres = Math.Round((decimal)(10 + r.NextDouble() * 45), 2);
            var lines = new List<Line> { new(x.L(fuel.Zh, fuel.En), litres, fuel.Price, Math.Round(litres * fuel.Price, 2)) };
            if (r.Next(3) == 0) lines.Add(new(x.L("矿泉水 550ml", "Bottled water"), 1, 2m, 2m));
            return lines;
        }
        return trade.Items.OrderBy(_ => r.Next()).Take(r.Next(2, Math.Min(8, trade.Items.Length + 1)))
            .Select(g => { var q = (decimal)r.Next(1, 4); return new Line(x.L(g.Zh, g.En), q, g.Price, q * g.Price); })
            .ToList();
    }

    private static TableSpec Table(SpecContext x, Trade trade, List<Line> items)
    {
        var withPrice = trade.Litres || x.Random.Next(2) == 0;
        var qty = trade.Litres ? x.L("升", "Litres") : x.L("数量", x.Pick("Qty", "QTY"));
        string[] headers = withPrice
            ? [x.L("商品", x.Pick("Item", "DESCRIPTION")), qty, x.L("单价", x.Pick("Price", "U/P")), x.L("金额", x.Pick("Amount", "AMT"))]
            : [x.L("商品", x.Pick("Item", "DESCRIPTION")), qty, x.L("金额", x.Pick("Amount", "AMT"))];
        double[] weights = withPrice ? [2.6, 0.8, 1.0, 1.2] : [3, 0.8, 1.3];
        var rows = items.Select(i => new TableRow(
            withPrice ? [i.Name, Formats.Quantity(i.Quantity), Formats.Decimal(i.Price), Formats.Decimal(i.Amount)] : [i.Name, Formats.Quantity(i.Quantity), Formats.Decimal(i.Amount)],
            new LineItemTruth(i.Name, i.Quantity, i.Price, i.Amount, null))).ToList();
        return new TableSpec(headers, weights, rows);
    }

    /// <summary>Subtotal, then one adjustment (tax, service charge, discount or cash rounding) or none, the total the
    /// customer paid (the labelled field), and how it was paid.</summary>
    private static List<Entry> Footer(SpecContext x, Trade trade, decimal subtotal)
    {
        var r = x.Random;
        var footer = new List<Entry>();
        var total = subtotal;
        switch (r.Next(5))
        {
            case 0 when !x.Zh:
                var rate = x.Pick(6m, 8m, 10m);
                var tax = Math.Round(subtotal * rate / 100, 2);
                footer.Add(SpecContext.Plain(x.Pick("SUBTOTAL", "Sub Total", "TOTAL EXCL TAX"), Formats.Decimal(subtotal)));
                footer.Add(SpecContext.Plain($"{x.Pick("GST", "SST", "Sales Tax", "VAT")} {rate.ToString("0", Invariant)}%", Formats.Decimal(tax)));
                total = subtotal + tax;
                break;
            case 1 when trade.Table:
                var service = Math.Round(subtotal * 0.1m, 2);
                footer.Add(SpecContext.Plain(x.L("小计", "SUBTOTAL"), Formats.Decimal(subtotal)));
                footer.Add(SpecContext.Plain(x.L("服务费 10%", "SERVICE CHARGE 10%"), Formats.Decimal(service)));
                total = subtotal + service;
                break;
            case 2:
                var discount = Math.Round(subtotal * x.Pick(0.05m, 0.1m), 2);
                footer.Add(SpecContext.Plain(x.L("小计", "SUBTOTAL"), Formats.Decimal(subtotal)));
                footer.Add(SpecContext.Plain(x.L(x.Pick("优惠", "会员折扣"), x.Pick("DISCOUNT", "MEMBER DISC")), "-" + Formats.Decimal(discount)));
                total = subtotal - discount;
                break;
            case 3 when !x.Zh:
                // A 6 % tax, then cash rounding to the nearest five cents (Malaysia, Singapore, Australia).
                var gst = Math.Round(subtotal * 0.06m, 2);
                footer.Add(SpecContext.Plain(x.Pick("SUBTOTAL", "Sub Total"), Formats.Decimal(subtotal)));
                footer.Add(SpecContext.Plain(x.Pick("GST 6%", "SST 6%", "GST @6%"), Formats.Decimal(gst)));
                total = subtotal + gst;
                var rounded = Math.Round(total * 20, MidpointRounding.AwayFromZero) / 20;
                if (rounded != total)
                {
                    footer.Add(SpecContext.Plain(x.Pick("TOTAL SALES", "Total Incl. Tax"), Formats.Decimal(total)));
                    footer.Add(SpecContext.Plain(x.Pick("ROUNDING ADJ", "Rounding"), (rounded < total ? "-" : "") + Formats.Decimal(Math.Abs(rounded - total))));
                    total = rounded;
                }
                break;
        }
        var label = x.Zh ? x.Pick("合计", "应付", "应收", "实付金额") : x.Pick("TOTAL", "Total", "GRAND TOTAL", "TOTAL DUE", "NETT TOTAL", "AMOUNT DUE");
        footer.Add(new Entry(label, total.ToString(x.Random.Next(2) == 0 ? "#,##0.00" : "0.00", Invariant), FieldNames.TotalAmount, Formats.Decimal(total)));
        footer.AddRange(Tender(x, total, ["微信支付", "支付宝", "银联卡"], ["VISA ****" + r.Next(1000, 9999), "MASTERCARD", "DEBIT CARD", "E-WALLET"]));
        footer.Add(SpecContext.Plain("", x.L(x.Pick("谢谢惠顾", "欢迎再次光临", "请妥善保管小票"),
            x.Pick("THANK YOU, PLEASE COME AGAIN", "THANK YOU FOR SHOPPING", "GOODS SOLD ARE NOT RETURNABLE", "Thank you for your visit!"))));
        return footer;
    }

    /// <summary>How the customer paid: cash tendered and change given, or the card or wallet named.</summary>
    internal static IEnumerable<Entry> Tender(SpecContext x, decimal total, string[] zhNonCash, string[] enNonCash)
    {
        if (x.Random.Next(2) == 0)
        {
            var tendered = Math.Ceiling(total / 10) * 10 + x.Pick(0m, 0m, 10m, 40m);
            yield return SpecContext.Plain(x.L("实收现金", x.Pick("CASH", "Cash Tendered")), Formats.Decimal(tendered));
            yield return SpecContext.Plain(x.L("找零", x.Pick("CHANGE", "Change Due")), Formats.Decimal(tendered - total));
        }
        else
        {
            yield return SpecContext.Plain(x.L("支付方式", "Paid by"), x.L(x.Pick(zhNonCash), x.Pick(enNonCash)));
        }
    }

    private static string ZhShop(SpecContext x, Trade trade)
    {
        var r = x.Random;
        if (r.Next(3) == 0) return x.Pick(trade.ZhChains) + (r.Next(2) == 0 ? $"（{x.Pick(ZhRoads)}店）" : "");
        var city = x.Case.Hospital.Address.Length > 2 ? x.Case.Hospital.Address[..2] : "";
        var name = $"{(r.Next(2) == 0 ? city : "")}{x.Pick(ZhStems)}{x.Pick(trade.ZhKinds)}";
        return r.Next(4) == 0 && !name.EndsWith('店') ? name + "有限公司" : name;
    }

    private static string EnShop(SpecContext x, Trade trade)
    {
        var r = x.Random;
        if (r.Next(3) == 0) return x.Pick(trade.EnChains);
        var name = $"{x.Pick(EnStems)} {x.Pick(trade.EnKinds)} {x.Pick(EnCompanySuffixes)}".TrimEnd();
        return r.Next(3) == 0 ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant()) : name;
    }

    /// <summary>A street address in the case's city (Chinese) or an English-speaking town.</summary>
    internal static string Address(SpecContext x)
    {
        var r = x.Random;
        if (x.Zh)
        {
            return $"{x.Region}{x.Pick(ZhRoads)}{r.Next(1, 300)}号";
        }
        return r.Next(2) == 0
            ? $"{r.Next(1, 120)}, {x.Pick(EnStreets)}, {r.Next(10000, 99999)} {x.Pick(EnTowns)}"
            : $"{r.Next(1, 2000)} {x.Pick(EnStreets)}, {x.Pick(EnTowns)}";
    }

    internal static string Telephone(SpecContext x) => x.Zh
        ? $"0{x.Random.Next(10, 999)}-{x.Random.Next(1000000, 9999999)}"
        : x.Pick($"03-{x.Random.Next(1000, 9999)} {x.Random.Next(1000, 9999)}", $"({x.Random.Next(200, 999)}) {x.Random.Next(200, 999)}-{x.Random.Next(1000, 9999)}");

    /// <summary>A seller's tax registration as tills print it; Chinese sellers' unified social credit codes carry
    /// letters, so they never look like an 18-digit resident ID.</summary>
    internal static Entry TaxNumber(SpecContext x)
    {
        var r = x.Random;
        if (x.Zh) return SpecContext.Plain(x.Pick("税号", "统一社会信用代码"), $"91{r.Next(110000, 659999)}MA{r.Next(1000000, 9999999)}{"ABCDEFGHJKLMNPQRTUWXY"[r.Next(21)]}");
        return SpecContext.Plain(x.Pick("GST REG NO", "GST ID", "CO. REG", "VAT No", "ABN", "Tax ID"), $"{r.Next(0, 999999):000000}{r.Next(100000, 999999)}");
    }
}
