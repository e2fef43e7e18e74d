using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Tests;

/// <summary>Pages with known content, drawn with Leptonica (its compiled-in bitmap fonts).</summary>
internal static class TestPages
{
    private static readonly string[] Words =
        ["invoice", "hospital", "amount", "total", "patient", "claim", "receipt", "date", "2024", "RMB", "paid", "ward", "fee", "X-ray", "drug"];

    /// <summary>A page of left-aligned text lines in black, font size 4–20 (Leptonica's bitmap fonts);
    /// <paramref name="under"/> draws first, so the text is printed over it (as toner stays dark under a seal's ink).</summary>
    public static PageImage Text(int width, int height, int fontSize = 20, bool color = false, int lineSpacing = 0, int margin = 40, Action<PageImage>? under = null)
    {
        var page = PageImage.CreateBlank(width, height, color);
        under?.Invoke(page);
        using var font = Leptonica.bmfCreate(null, fontSize);
        Assert.False(font.IsInvalid);
        var step = lineSpacing > 0 ? lineSpacing : fontSize * 5; // glyphs are about 2.5 × fontSize px tall with descenders
        var random = new Random(fontSize * 7919 + width);
        for (var y = margin + fontSize; y < height - margin; y += step)
        {
            var line = string.Join(' ', Enumerable.Range(0, 40).Select(_ => Words[random.Next(Words.Length)]));
            _ = Leptonica.pixSetTextline(page.Pix, font, line, color ? 0x00000000u : 0u, margin, y, out _, out _);
        }
        return page;
    }

    /// <summary>A small sheet of paper photographed on a dark, speckled table: the left 45 % of the frame is white paper
    /// with black print (Leptonica font 6: about 15 px glyphs), the rest a dark gray surface with light specks 6 × 24 px.</summary>
    public static PageImage PaperOnDarkTable(int width, int height)
    {
        var page = PageImage.CreateBlank(width, height, color: true);
        Line(page, 0, height / 2, width, height / 2, height + 2, new Rgb(45, 40, 38));
        var paper = (int)(width * 0.45);
        Assert.Equal(0, Leptonica.pixRasterop(page.Pix, 0, 0, paper, height, Leptonica.PixSet, 0, 0, 0));
        using var font = Leptonica.bmfCreate(null, 6);
        var random = new Random(width);
        for (var y = 40; y < height - 40; y += 30)
        {
            var line = string.Join(' ', Enumerable.Range(0, 6).Select(_ => Words[random.Next(Words.Length)]));
            _ = Leptonica.pixSetTextline(page.Pix, font, line, 0x00000000u, 20, y, out _, out _);
        }
        for (var i = 0; i < 400; i++)
            Assert.Equal(0, Leptonica.pixRasterop(page.Pix, paper + random.Next(width - paper - 8), random.Next(height - 26), 6, 24, Leptonica.PixSet, 0, 0, 0));
        return page;
    }

    /// <summary>A card-like colour page: lines of light text on a dark blue face sprinkled with <paramref name="specks"/> black
    /// specks 3 × 5 px (a photo's noise, which background normalisation makes ink on a dark face).</summary>
    public static PageImage LightOnDark(int width, int height, int fontSize, int specks)
    {
        var page = PageImage.CreateBlank(width, height, color: true);
        Line(page, 0, height / 2, width, height / 2, height + 2, new Rgb(40, 50, 90));
        using var font = Leptonica.bmfCreate(null, fontSize);
        Assert.False(font.IsInvalid);
        var random = new Random(width + specks);
        for (var y = 40 + fontSize; y < height - 40; y += fontSize * 5)
        {
            var line = string.Join(' ', Enumerable.Range(0, 12).Select(_ => Words[random.Next(Words.Length)]));
            _ = Leptonica.pixSetTextline(page.Pix, font, line, 0xF0F0E600u, 40, y, out _, out _);
        }
        for (var i = 0; i < specks; i++) Rect(page, random.Next(width - 3), random.Next(height - 5), 3, 5);
        return page;
    }

    /// <summary>A text page (font 8, colour) with a form grid printed in red-brown, as on Chinese VAT invoices: three
    /// rows and two sides, 60–1140 × 100–700; with <paramref name="labels"/> a red label in each of the first two rows.</summary>
    public static PageImage RedPrintedForm(int width, int height, bool labels = false)
    {
        var page = Text(width, height, fontSize: 8, color: true);
        var gridRed = new Rgb(200, 60, 50);
        for (var i = 0; i < 3; i++) Line(page, 60, 100 + (i * 300), 1140, 100 + (i * 300), 2, gridRed);
        Line(page, 60, 100, 60, 700, 2, gridRed);
        Line(page, 1140, 100, 1140, 700, 2, gridRed);
        if (labels)
        {
            using var font = Leptonica.bmfCreate(null, 14);
            for (var i = 0; i < 2; i++)
                _ = Leptonica.pixSetTextline(page.Pix, font, "Amount due (RMB)", 0xC83C3200u, 80, 140 + (i * 300), out _, out _);
        }
        return page;
    }

    /// <summary>Draws a line of the given colour and thickness into the page (in place; the page is a fresh test page).</summary>
    public static void Line(PageImage page, int x1, int y1, int x2, int y2, int width, Rgb color) =>
        Assert.Equal(0, Leptonica.pixRenderLineArb(page.Pix, x1, y1, x2, y2, width, color.R, color.G, color.B));

    /// <summary>Fills a rectangle with black (in place).</summary>
    public static void Rect(PageImage page, int x, int y, int w, int h) =>
        Assert.Equal(0, Leptonica.pixRasterop(page.Pix, x, y, w, h, Leptonica.PixClr, 0, 0, 0));

    /// <summary>A ring (polygon of short segments), like an official seal.</summary>
    public static void Ring(PageImage page, int cx, int cy, int radius, int width, Rgb color)
    {
        const int segments = 48;
        for (var i = 0; i < segments; i++)
        {
            double a0 = 2 * Math.PI * i / segments, a1 = 2 * Math.PI * (i + 1) / segments;
            Line(page, cx + (int)(radius * Math.Cos(a0)), cy + (int)(radius * Math.Sin(a0)),
                cx + (int)(radius * Math.Cos(a1)), cy + (int)(radius * Math.Sin(a1)), width, color);
        }
    }

    /// <summary>The bounding box of pixels darker than <paramref name="threshold"/> (gray or any channel), scanning every pixel.</summary>
    public static (int X, int Y, int W, int H) DarkBounds(PageImage page, int threshold = 100)
    {
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
        for (var y = 0; y < page.Height; y++)
        for (var x = 0; x < page.Width; x++)
        {
            var p = page.GetPixel(x, y);
            if (Math.Max(p.R, Math.Max(p.G, p.B)) >= threshold) continue;
            x0 = Math.Min(x0, x); y0 = Math.Min(y0, y); x1 = Math.Max(x1, x); y1 = Math.Max(y1, y);
        }
        Assert.True(x1 >= 0, "no dark pixels");
        return (x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }
}
