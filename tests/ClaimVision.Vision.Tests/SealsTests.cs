using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

public sealed class SealsTests
{
    private static readonly Rgb SealRed = new(220, 30, 40);
    private const int Cx = 600, Cy = 230, Radius = 110;

    /// <summary>A text page with a seal (two rings) under the text around (<see cref="Cx"/>, <see cref="Cy"/>), as an
    /// upload decodes: drawing leaves the unused fourth byte of each pixel uneven (paper 255, ink 0), which no decoded
    /// photo has and which Tesseract's thresholding would read as a fourth colour channel.</summary>
    private static PageImage Sealed(bool color = true) => Decoded(TestPages.Text(1000, 700, fontSize: 10, color: color, under: p =>
    {
        TestPages.Ring(p, Cx, Cy, Radius, 9, SealRed);
        TestPages.Ring(p, Cx, Cy, Radius - 25, 4, SealRed);
    }));

    private static PageImage Plain() => Decoded(TestPages.Text(1000, 700, fontSize: 10, color: true));

    private static PageImage Decoded(PageImage drawn)
    {
        using (drawn) return PageImage.FromEncoded(drawn.EncodePng());
    }

    private static bool IsSealInk(Rgb p) => p.R > 150 && p.G < 90 && p.B < 90;

    [Fact]
    public void Finds_the_seal_on_a_page_and_nothing_on_the_same_page_without_it()
    {
        using var plain = Plain();
        using var page = Sealed();

        Assert.Empty(Seals.Find(plain).Boxes);
        var seal = Assert.Single(Seals.Find(page).Boxes); // the inner ring lies inside the outer one: one seal
        // The box holds the whole ring (radius + half the ring's width) and not much more (padding is a tenth).
        Assert.InRange(seal.X, Cx - Radius - 40, Cx - Radius - 4);
        Assert.InRange(seal.Right, Cx + Radius + 4, Cx + Radius + 40);
        Assert.InRange(seal.Y, Cy - Radius - 40, Cy - Radius - 4);
        Assert.InRange(seal.Y + seal.Height, Cy + Radius + 4, Cy + Radius + 40);
    }

    [Fact]
    public void The_seal_fades_to_paper_and_the_text_printed_over_it_stays_dark()
    {
        using var page = Sealed();
        using var clean = Seals.Remove(page);

        int ink = 0, inkLeft = 0, text = 0, textKept = 0, outsideChanged = 0;
        var seal = Seals.Find(page).Boxes[0];
        for (var y = 0; y < page.Height; y++)
        for (var x = 0; x < page.Width; x++)
        {
            var before = page.GetPixel(x, y);
            var after = clean.GetPixel(x, y);
            var inSeal = x >= seal.X && x < seal.Right && y >= seal.Y && y < seal.Y + seal.Height;
            if (!inSeal) { if (before != after) outsideChanged++; continue; }
            if (IsSealInk(before)) { ink++; if (Math.Min(after.R, Math.Min(after.G, after.B)) < 200) inkLeft++; }
            if (Math.Max(before.R, Math.Max(before.G, before.B)) < 160) { text++; if (Math.Max(after.R, Math.Max(after.G, after.B)) < 200) textKept++; }
        }
        Assert.True(ink > 2000, $"the test seal has {ink} red pixels");
        Assert.Equal(0, inkLeft);
        Assert.True(text > 500, $"only {text} text pixels inside the seal");
        Assert.Equal(text, textKept);
        Assert.Equal(0, outsideChanged);
    }

    [Fact]
    public void A_red_printed_form_grid_is_not_a_seal()
    {
        // Chinese VAT invoices print their grid and labels in red-brown: one page-wide component and small letters.
        using var page = TestPages.RedPrintedForm(1200, 900, labels: true);

        Assert.Empty(Seals.Find(page).Boxes);
        using var same = Seals.Remove(page);
        Assert.True(same.PixelsEqual(page));
    }

    [Fact]
    public void A_gray_page_has_no_colour_to_find_a_seal_by()
    {
        using var page = Sealed(color: false);
        Assert.Empty(Seals.Find(page).Boxes);
    }

    [Fact]
    public void Text_under_a_seal_reads_as_it_does_on_the_page_without_the_seal()
    {
        using var plain = Plain();
        using var page = Sealed();
        using var clean = Seals.Remove(page);
        using var engine = new OcrEngine(new OcrOptions { PoolSize = 1 });

        var truth = Text(engine.Recognize(plain.Pix, "eng"));
        var sealedErrors = CharacterErrorRate.Compute(Text(engine.Recognize(page.Pix, "eng")), truth);
        var cleanErrors = CharacterErrorRate.Compute(Text(engine.Recognize(clean.Pix, "eng")), truth);

        Assert.True(sealedErrors > 0.02, $"the seal should hurt the reading (CER {sealedErrors:P1}) for this test to mean anything");
        Assert.True(cleanErrors < sealedErrors / 3, $"CER {cleanErrors:P1} without the seal's ink, {sealedErrors:P1} with it");
    }

    private static string Text(RecognizedText text) => string.Join('\n', text.Lines.Select(l => l.Text));
}
