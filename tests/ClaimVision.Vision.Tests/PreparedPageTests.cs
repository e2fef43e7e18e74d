using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

public sealed class PreparedPageTests
{
    [Fact]
    public void Light_text_on_a_dark_face_is_measured_on_the_inverted_page_not_on_the_faces_noise()
    {
        using var card = TestPages.LightOnDark(1000, 640, fontSize: 12, specks: 3000);
        // Not trivially met: measured on its own binary, the face's specks call for enlarging the page several times.
        using (var binary = Binarizer.ToBinary(card))
            Assert.True(ResolutionNormalizer.EstimateTextHeight(PageComponents.Find(binary), card.Height) < ResolutionNormalizer.MinTextHeight);

        using var prepared = new PreparedPage(card);
        var (ready, transform) = prepared.Get(0);

        Assert.Equal(1, transform.Scale);
        Assert.Equal((card.Width, card.Height), (ready.Width, ready.Height));
        Assert.True(ready.IsColor);
    }

    [Fact]
    public void A_light_page_gets_no_inverted_binary_and_a_dark_face_does()
    {
        using var page = TestPages.Text(900, 600, fontSize: 6, color: true);
        var (binary, lightOnDark) = Binarizer.ToBinaries(page);
        using (binary)
            Assert.Null(lightOnDark);
        using var card = TestPages.LightOnDark(1000, 640, fontSize: 12, specks: 0);
        var (cardBinary, inverted) = Binarizer.ToBinaries(card);
        using (cardBinary)
        using (inverted)
            Assert.NotNull(inverted);
    }

    [Fact]
    public void Small_print_on_paper_photographed_on_a_dark_table_is_still_enlarged()
    {
        using var photo = TestPages.PaperOnDarkTable(1200, 800);
        var (binary, inverted) = Binarizer.ToBinaries(photo);
        using (binary)
        using (inverted)
        {
            Assert.NotNull(inverted); // mostly dark: the inverted page is looked at …
            Assert.True(ResolutionNormalizer.EstimateTextHeight(PageComponents.Find(binary), photo.Height) < ResolutionNormalizer.MinTextHeight);
        }

        using var prepared = new PreparedPage(photo);
        Assert.True(prepared.Get(0).Transform.Scale > 1); // … and refused: the paper is ink there, not light print
    }

    [Fact]
    public void A_second_reading_at_the_same_rotation_and_scale_gets_the_same_image_the_one_shot_preparation_makes()
    {
        using var page = TestPages.Text(900, 600, fontSize: 6, color: true);
        using var prepared = new PreparedPage(page);
        var (first, transform) = prepared.Get(0);
        var (again, transformAgain) = prepared.Get(0);
        var (oneShot, oneShotTransform) = VisionPipeline.Prepare(page, 0, new OcrOptions());
        using (oneShot)
        {
            Assert.Same(first, again);
            Assert.Equal(transform.Scale, transformAgain.Scale);
            Assert.True(first.PixelsEqual(oneShot));
            Assert.Equal(oneShotTransform.Scale, transform.Scale);
        }
        // Colour stays colour: Tesseract binarises a colour page differently from its gray conversion.
        Assert.True(first.IsColor);
        Assert.NotEqual(1, transform.Scale); // small print is enlarged, so the check below is not trivially met
    }

    [Fact]
    public void A_half_scale_probe_rescales_the_straightened_page_and_maps_back_at_half_the_scale()
    {
        using var page = TestPages.Text(900, 600, fontSize: 6);
        using var prepared = new PreparedPage(page);
        var (full, fullTransform) = prepared.Get(0);
        var (half, halfTransform) = prepared.Get(0, 0.5);
        Assert.Equal(fullTransform.Scale / 2, halfTransform.Scale, 3);
        Assert.InRange(half.Width, full.Width / 2 - 2, full.Width / 2 + 2);
        Assert.InRange(half.Height, full.Height / 2 - 2, full.Height / 2 + 2);
    }

    [Fact]
    public void A_probe_after_the_full_reading_straightens_the_page_again_to_the_same_pixels()
    {
        // The full reading's rescaled image lets the straightened page go; the probe after it must not differ from a probe
        // made while the straightened page was still there.
        using var page = TestPages.Text(900, 600, fontSize: 6, color: true);
        using var probeFirst = new PreparedPage(page);
        var (probe, probeTransform) = probeFirst.Get(0, 0.5);
        using var fullFirst = new PreparedPage(page);
        var (full, fullTransform) = fullFirst.Get(0);
        var (later, laterTransform) = fullFirst.Get(0, 0.5);

        Assert.NotEqual(1, fullTransform.Scale); // rescaled, so the straightened page was let go
        Assert.True(later.PixelsEqual(probe));
        Assert.Equal(probeTransform.Scale, laterTransform.Scale);
        Assert.True(fullFirst.Get(0).Ready.PixelsEqual(full));
    }

    [Fact]
    public void Each_rotation_is_prepared_on_its_own_and_nothing_is_handed_out_after_dispose()
    {
        using var page = TestPages.Text(900, 600, fontSize: 6);
        var prepared = new PreparedPage(page);
        var (upright, _) = prepared.Get(0, 0.5);
        var (turned, _) = prepared.Get(90, 0.5);
        // (The scale may differ: text turned on its side measures differently.)
        Assert.True(upright.Width > upright.Height);
        Assert.True(turned.Height > turned.Width);
        prepared.Dispose();
        Assert.Throws<ObjectDisposedException>(() => prepared.Get(0));
        Assert.Throws<ObjectDisposedException>(() => _ = upright.Pix);
    }

    [Fact]
    public void A_full_reading_keeps_its_own_image_alone_and_an_image_let_go_is_made_again_the_same()
    {
        using var page = TestPages.Text(900, 600, fontSize: 6, color: true);
        using var fresh = new PreparedPage(page);
        var (expectedProbe, _) = fresh.Get(0, 0.5);
        using var prepared = new PreparedPage(page);
        var (probe, _) = prepared.Get(0, 0.5);
        var (upright, _) = prepared.Get(0);
        var (turnedProbe, _) = prepared.Get(90, 0.5);

        Assert.Throws<ObjectDisposedException>(() => probe.Pix); // a full reading's image was asked for: the probe went
        _ = upright.Pix;                                           // probes keep the full reading's image
        var (turned, _) = prepared.Get(90);
        Assert.Throws<ObjectDisposedException>(() => upright.Pix); // another rotation's full reading: the first one went
        Assert.Throws<ObjectDisposedException>(() => turnedProbe.Pix);
        _ = turned.Pix;

        Assert.True(prepared.Get(0, 0.5).Ready.PixelsEqual(expectedProbe));
    }

    [Fact]
    public void A_probe_of_a_page_read_at_its_own_size_is_scaled_from_the_full_reading_image_to_the_same_pixels()
    {
        using var page = TestPages.Text(1400, 900, fontSize: 10, color: true);
        using var probeFirst = new PreparedPage(page);
        var (probe, _) = probeFirst.Get(0, 0.5);
        using var fullFirst = new PreparedPage(page);
        var (_, fullTransform) = fullFirst.Get(0);

        Assert.Equal(1, fullTransform.Scale); // read at its own size: the straightened page is the full image's pixels
        Assert.True(fullFirst.Get(0, 0.5).Ready.PixelsEqual(probe));
    }

    [Fact]
    public void A_taken_image_is_the_callers_until_kept_again()
    {
        using var page = TestPages.Text(900, 600, fontSize: 6, color: true);
        using var prepared = new PreparedPage(page);
        var (taken, transform) = prepared.Take(0);

        var (remade, remadeTransform) = prepared.Get(0);
        Assert.NotSame(taken, remade); // not the page's any more: a reading asking for it gets it made again
        Assert.True(remade.PixelsEqual(taken));
        Assert.Equal(transform.Scale, remadeTransform.Scale);

        prepared.Keep(0, 1, taken);
        Assert.Same(taken, prepared.Get(0).Ready);
        Assert.Throws<ObjectDisposedException>(() => remade.Pix); // the one it replaced is let go
    }

    [Fact]
    public void A_page_that_can_be_decoded_again_is_let_go_once_straightened_and_decoded_again_for_another_rotation()
    {
        var bytes = TestPages.Text(900, 600, fontSize: 6, color: true).EncodePng();
        using var page = PageImage.FromEncoded(bytes);
        using var kept = new PreparedPage(page);
        var decodes = 0;
        var decoded = PageImage.FromEncoded(bytes);
        using var letGo = new PreparedPage(decoded, decodeAgain: () =>
        {
            decodes++;
            return PageImage.FromEncoded(bytes);
        });
        decoded.Dispose(); // as the pipeline does: the prepared page holds the only reference

        var (upright, _) = letGo.Get(0);
        Assert.True(upright.PixelsEqual(kept.Get(0).Ready));
        Assert.Equal(0, decodes);
        var (turned, _) = letGo.Get(90);
        Assert.True(turned.PixelsEqual(kept.Get(90).Ready));
        Assert.Equal(1, decodes);
    }
}
