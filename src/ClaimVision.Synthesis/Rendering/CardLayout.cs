using ClaimVision.Domain.Documents;

namespace ClaimVision.Synthesis.Rendering;

/// <summary>Wallet cards (ID, insurance/member, bank) on a credit-card-shaped canvas, and the non-document photo.</summary>
internal static class CardLayout
{
    public const int Width = 960;
    public const int Height = 606;

    public static void IdCard(Canvas c, SpecContext x, TruthCollector truth)
    {
        var p = x.Case.Patient;
        var font = x.Zh ? "Noto Sans CJK SC" : x.Pick("DejaVu Sans", "Liberation Sans");
        Background(c, new Rgb(0.9 + x.Random.NextDouble() * 0.06, 0.93, 0.96), x.Random);
        var label = new Rgb(0.2, 0.35, 0.6);
        var ink = Rgb.Black;
        if (x.Zh)
        {
            // 居民身份证: the photo at the right; the English card's is at the left, so its rows run to the right edge.
            Photo(c, truth, Width - 300, 110, 230, 290);
            double y = 70;
            Row(c, truth, "姓名", SpecContext.Text("", FieldNames.PatientName, p.Name), 60, ref y, font, 34, label, ink);
            var sex = x.Sex();
            c.Text("性别", 60, y, font, 26, label);
            truth.Add(sex, c.Text(sex.Value, 150, y, font, 30, ink));
            c.Text("民族  汉", 300, y, font, 26, label);
            y += 60;
            var birth = new Entry("", $"{p.BirthDate.Year}  年  {p.BirthDate.Month}  月  {p.BirthDate.Day}  日", FieldNames.PatientBirthDate, Formats.IsoDate(p.BirthDate));
            Row(c, truth, "出生", birth, 60, ref y, font, 28, label, ink);
            Row(c, truth, "住址", SpecContext.Text("", FieldNames.PatientAddress, p.Address), 60, ref y, font, 26, label, ink, maxWidth: Width - 480);
            y = Math.Max(y + 20, 470);
            c.Text("公民身份号码", 60, y, font, 26, label);
            truth.Add(new Entry("", p.IdNumber, FieldNames.PatientIdNumber, p.IdNumber.ToUpperInvariant()), c.Text(p.IdNumber, 250, y - 4, "DejaVu Sans Mono Bold", 38, ink));
            return;
        }
        var state = x.Pick("STATE OF ILLINOIS", "COMMONWEALTH OF VIRGINIA", "STATE OF OHIO", "STATE OF TEXAS");
        c.FillRectangle(0, 0, Width, 90, new Rgb(0.15, 0.3, 0.55));
        c.Text($"{state} · {x.Pick("IDENTIFICATION CARD", "DRIVER LICENSE")}", 40, 25, font + " Bold", 34, Rgb.White);
        double yy = 130;
        var idNumber = $"{(char)('A' + x.Random.Next(26))}{x.Random.Next(100, 999)}-{x.Random.Next(1000, 9999)}-{x.Random.Next(1000, 9999)}";
        Row(c, truth, "ID NO", new Entry("", idNumber, FieldNames.CardNumber, idNumber), 330, ref yy, font, 30, label, ink);
        Row(c, truth, "NAME", new Entry("", p.Name.ToUpperInvariant(), FieldNames.PatientName, p.Name), 330, ref yy, font, 32, label, ink);
        Row(c, truth, "DOB", new Entry("", Formats.Date(p.BirthDate, "en", 0), FieldNames.PatientBirthDate, Formats.IsoDate(p.BirthDate)), 330, ref yy, font, 30, label, ink);
        Row(c, truth, "SEX", x.Sex() with { Label = "" }, 330, ref yy, font, 30, label, ink);
        Row(c, truth, "ADDRESS", new Entry("", p.Address, FieldNames.PatientAddress, p.Address), 330, ref yy, font, 24, label, ink, maxWidth: Width - 520);
        Row(c, truth, "EXP", new Entry("", Formats.Date(x.Case.CardExpiry, "en", 0), FieldNames.ExpiryDate, Formats.IsoDate(x.Case.CardExpiry)), 330, ref yy, font, 30, label, ink);
        Photo(c, truth, 50, 130, 240, 300);
    }

    public static void InsuranceCard(Canvas c, SpecContext x, TruthCollector truth)
    {
        var cs = x.Case;
        var font = x.Zh ? "Noto Sans CJK SC" : x.Pick("DejaVu Sans", "Liberation Sans");
        var band = x.Pick(new Rgb(0.1, 0.45, 0.3), new Rgb(0.1, 0.3, 0.6), new Rgb(0.55, 0.1, 0.2));
        Background(c, new Rgb(0.97, 0.97, 0.95), x.Random);
        c.FillRectangle(0, 0, Width, 110, band);
        var label = new Rgb(0.3, 0.3, 0.35);
        double y = 150;
        if (x.Zh && x.Random.Next(2) == 0)
        {
            c.Text("中华人民共和国 社会保障卡", 40, 30, font + " Bold", 40, Rgb.White);
            Row(c, truth, "姓名", new Entry("", cs.Patient.Name, FieldNames.PatientName, cs.Patient.Name), 330, ref y, font, 32, label, Rgb.Black);
            Row(c, truth, "社会保障号码", new Entry("", cs.Patient.IdNumber, FieldNames.PatientIdNumber, cs.Patient.IdNumber), 330, ref y, font, 30, label, Rgb.Black);
            var card = $"{(char)('A' + x.Random.Next(26))}{x.Random.Next(10000000, 99999999)}";
            Row(c, truth, "社会保障卡号", new Entry("", card, FieldNames.CardNumber, card), 330, ref y, font, 30, label, Rgb.Black);
            truth.Add(new Entry("", cs.BankName, FieldNames.BankName, cs.BankName), c.Text(cs.BankName, 330, y + 20, font, 28, band));
            Photo(c, truth, 50, 150, 230, 290);
            return;
        }
        truth.Add(new Entry("", cs.InsurerName, FieldNames.InsurerName, cs.InsurerName), c.Text(cs.InsurerName, 40, 30, font + " Bold", x.Zh ? 36 : 40, Rgb.White, Align.Left, Width - 80));
        c.Text(x.L("医疗保险会员卡", "Member Health Plan Card"), 40, 122, font, 24, band);
        y = 190;
        Row(c, truth, x.L("被保险人", "Member"), new Entry("", cs.Patient.Name, FieldNames.PatientName, cs.Patient.Name), 40, ref y, font, 32, label, Rgb.Black);
        Row(c, truth, x.L("证件号", "Member ID"), new Entry("", cs.Patient.IdNumber, FieldNames.PatientIdNumber, cs.Patient.IdNumber), 40, ref y, font, 30, label, Rgb.Black);
        Row(c, truth, x.L("保单号", "Group"), new Entry("", cs.PolicyNumber, FieldNames.PolicyNumber, cs.PolicyNumber), 40, ref y, font, 30, label, Rgb.Black);
        Row(c, truth, x.L("有效期至", "Valid thru"), new Entry("", Formats.Date(cs.CardExpiry, cs.Language, x.DateVariant), FieldNames.ExpiryDate, Formats.IsoDate(cs.CardExpiry)), 40, ref y, font, 28, label, Rgb.Black);
        c.Text(x.L("客服热线 95519", "PCP $25 · Specialist $50 · ER $150"), 40, y + 10, font, 24, label);
    }

    public static void BankCard(Canvas c, SpecContext x, TruthCollector truth)
    {
        var cs = x.Case;
        var colour = x.Pick(new Rgb(0.1, 0.12, 0.2), new Rgb(0.55, 0.08, 0.1), new Rgb(0.05, 0.3, 0.45), new Rgb(0.75, 0.6, 0.25));
        c.FillRectangle(0, 0, Width, Height, colour);
        for (var i = 0; i < 6; i++) c.Circle(Width * x.Random.NextDouble(), Height * x.Random.NextDouble(), 80 + x.Random.Next(200), 30, Rgb.White, 0.05);
        var font = x.Zh ? "Noto Sans CJK SC Bold" : "DejaVu Sans Bold";
        truth.Add(new Entry("", cs.BankName, FieldNames.BankName, cs.BankName), c.Text(cs.BankName, 50, 40, font, 42, Rgb.White));
        c.FillRectangle(80, 210, 110, 85, new Rgb(0.85, 0.75, 0.4));
        c.Rectangle(80, 210, 110, 85, 2, new Rgb(0.6, 0.5, 0.25));
        var number = cs.BankCardNumber;
        var grouped = number.Length == 16 ? string.Join(' ', Enumerable.Range(0, 4).Select(i => number.Substring(i * 4, 4))) : $"{number[..6]} {number[6..]}";
        truth.Add(new Entry("", grouped, FieldNames.CardNumber, number), c.Text(grouped, 70, 340, "DejaVu Sans Mono Bold", number.Length > 16 ? 46 : 54, new Rgb(0.95, 0.95, 0.9)));
        var expiry = cs.CardExpiry.ToString("MM/yy", System.Globalization.CultureInfo.InvariantCulture);
        c.Text("VALID\nTHRU", 330, 440, "DejaVu Sans", 14, Rgb.White);
        truth.Add(new Entry("", expiry, FieldNames.ExpiryDate, cs.CardExpiry.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)), c.Text(expiry, 400, 436, "DejaVu Sans Mono", 32, Rgb.White));
        if (!x.Zh) truth.Add(new Entry("", cs.Patient.Name.ToUpperInvariant(), FieldNames.PatientName, cs.Patient.Name), c.Text(cs.Patient.Name.ToUpperInvariant(), 70, 510, "DejaVu Sans Mono", 34, Rgb.White));
        c.Text(x.Zh ? "银联 UnionPay" : x.Pick("VISA", "mastercard"), Width - 60, Height - 90, "DejaVu Sans Bold", 40, Rgb.White, Align.Right);
    }

    /// <summary>A photo that is not a document: sky, ground and a few blobs, no text.</summary>
    public static void Scene(Canvas c, Random r)
    {
        var horizon = c.Height * (0.35 + r.NextDouble() * 0.3);
        for (var i = 0; i < 24; i++)
        {
            var t = i / 24.0;
            c.FillRectangle(0, horizon * t, c.Width, horizon / 24 + 1, new Rgb(0.4 + 0.4 * t, 0.6 + 0.3 * t, 0.9));
        }
        var ground = new Rgb(0.2 + r.NextDouble() * 0.4, 0.35 + r.NextDouble() * 0.3, 0.15 + r.NextDouble() * 0.2);
        c.FillRectangle(0, horizon, c.Width, c.Height - horizon, ground);
        for (var i = 0; i < 12; i++)
            c.Circle(r.NextDouble() * c.Width, horizon + r.NextDouble() * (c.Height - horizon), 20 + r.Next(120), 1,
                new Rgb(r.NextDouble(), r.NextDouble(), r.NextDouble()), 0.5 + r.NextDouble() * 0.5, fill: true);
    }

    private static void Row(Canvas c, TruthCollector truth, string label, Entry e, double x, ref double y, string font, double size, Rgb labelInk, Rgb ink, double maxWidth = 0)
    {
        var (lw, _) = c.Measure(label, font, size * 0.8);
        c.Text(label, x, y + size * 0.15, font, size * 0.8, labelInk);
        var box = c.Text(e.Value, x + lw + 24, y, font, size, ink, Align.Left, maxWidth);
        truth.Add(e, box);
        y = Math.Max(box.Bottom, y + size) + size * 0.6;
    }

    private static void Background(Canvas c, Rgb colour, Random r)
    {
        c.FillRectangle(0, 0, c.Width, c.Height, colour);
        for (var i = 0; i < 30; i++)
        {
            var y = r.NextDouble() * c.Height;
            c.Line(0, y, c.Width, y + r.Next(-80, 80), 1, new Rgb(colour.R - 0.05, colour.G - 0.03, colour.B), dashed: i % 3 == 0);
        }
    }

    private static void Photo(Canvas c, TruthCollector truth, double x, double y, double w, double h)
    {
        truth.Pictures.Add(new BoundingBox((int)x, (int)y, (int)w, (int)h));
        c.FillRectangle(x, y, w, h, new Rgb(0.82, 0.84, 0.88));
        c.Circle(x + w / 2, y + h * 0.38, w * 0.22, 1, new Rgb(0.45, 0.45, 0.5), 1, fill: true);
        c.Polygon([(x + w * 0.15, y + h), (x + w * 0.3, y + h * 0.68), (x + w * 0.7, y + h * 0.68), (x + w * 0.85, y + h)], new Rgb(0.45, 0.45, 0.5), 1);
    }
}
