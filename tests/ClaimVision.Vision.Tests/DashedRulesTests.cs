using ClaimVision.Vision.Imaging;

namespace ClaimVision.Vision.Tests;

public sealed class DashedRulesTests
{
    private const int LeaderY = 150, DashHeight = 3;

    /// <summary>Text lines (bitmap font, words such as "X-ray" with hyphens) with baselines 80 px apart, and optionally a
    /// dashed leader of 50 dashes (8 px long, 4 px apart, 3 px thick) at y = 150, between the second and third lines.</summary>
    private static PageImage Form(bool withLeader)
    {
        var page = TestPages.Text(900, 400, fontSize: 12, lineSpacing: 80);
        if (withLeader)
            for (var x = 40; x < 640; x += 12) TestPages.Rect(page, x, LeaderY, 8, DashHeight);
        return page;
    }

    private static IReadOnlyList<ComponentBox> Find(PageImage page)
    {
        using var binary = Binarizer.ToBinary(page);
        var components = PageComponents.Find(binary);
        var height = ResolutionNormalizer.EstimateTextHeight(components, page.Height);
        Assert.NotNull(height);
        return DashedRules.Find(components, height!.Value);
    }

    private static int DarkPixels(PageImage page, Func<int, bool> rowFilter)
    {
        var count = 0;
        for (var y = 0; y < page.Height; y++)
        {
            if (!rowFilter(y)) continue;
            for (var x = 0; x < page.Width; x++)
                if (page.GetPixel(x, y).R < 128) count++;
        }
        return count;
    }

    [Fact]
    public void Finds_every_dash_of_a_leader_and_nothing_of_the_text()
    {
        using var page = Form(withLeader: true);
        var boxes = Find(page);
        Assert.InRange(boxes.Count, 48, 50);
        Assert.All(boxes, b => Assert.InRange(b.CenterY, LeaderY - 1, LeaderY + DashHeight + 1));
    }

    [Fact]
    public void Text_with_hyphens_and_dotted_letters_has_no_leader()
    {
        using var page = Form(withLeader: false);
        Assert.Empty(Find(page));
    }

    [Fact]
    public void Paint_whitens_the_leader_and_leaves_the_text_as_it_was()
    {
        using var page = Form(withLeader: true);
        using var cleaned = DashedRules.Paint(page, Find(page));
        bool InLeader(int y) => y >= LeaderY - 1 && y <= LeaderY + DashHeight;

        Assert.True(DarkPixels(page, InLeader) > 1000);
        Assert.Equal(0, DarkPixels(cleaned, InLeader));
        Assert.Equal(DarkPixels(page, y => !InLeader(y)), DarkPixels(cleaned, y => !InLeader(y)));
        Assert.False(page.PixelsEqual(cleaned));
    }

    [Fact]
    public void Paint_whitens_a_colour_page_without_setting_alpha_bits()
    {
        // Tesseract binarises every byte of a 32 bpp pixel, alpha included (see DashedRules.Paint).
        using var page = PageImage.CreateBlank(200, 60, color: true);
        for (var x = 10; x < 190; x += 12) TestPages.Rect(page, x, 30, 8, DashHeight);
        using var cleaned = DashedRules.Paint(page, [new ComponentBox(5, 25, 190, 12)]);

        for (var y = 0; y < cleaned.Height; y++)
            for (var x = 0; x < cleaned.Width; x++)
            {
                _ = Interop.Leptonica.pixGetPixel(cleaned.Pix, x, y, out var v);
                Assert.Equal(0xffffff00u, v);
            }
        _ = Interop.Leptonica.pixGetPixel(page.Pix, 0, 0, out var blank);
        Assert.Equal(0xffffff00u, blank);
    }

    [Fact]
    public void Paint_without_boxes_returns_the_same_pixels()
    {
        using var page = Form(withLeader: false);
        using var cleaned = DashedRules.Paint(page, []);
        Assert.True(page.PixelsEqual(cleaned));
    }
}
