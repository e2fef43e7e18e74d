using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Imaging;

/// <summary>
/// Red seals (official stamps: 收费专用章, "PAID", a hospital's round seal) found on a colour page and taken out of the
/// image the OCR reads. A seal is printed over the text it certifies (the total, the date, the physician's name);
/// Tesseract turns the page to gray by luminance, where seal red is as dark as a mid-gray, so the ring and the seal's
/// own lettering merge with the figures under them ("Coinsurance: 641.29" read as "«00", the physician's name read
/// with 处方专用章 appended).
/// <list type="bullet">
/// <item>Seals are found by their red ink, <see cref="RedMask"/>: Leptonica HSV hue within ±14 of red (±21°),
/// saturation ≥ 105, value ≥ 85 (black text with a colour cast and blue handwriting are not red ink).</item>
/// <item>A seal is a red connected component (after a 5 px dilation joins a ring broken by the text on top of it) that
/// is seal-shaped: at least <see cref="MinSideShare"/> of the page's shorter side, at most <see cref="MaxSideShare"/>
/// of it, and no longer than <see cref="MaxAspect"/> times its width. A red-printed form (a Chinese VAT invoice's grid
/// and labels) is one large component or many small ones, so its labels are left alone outside a seal.</item>
/// <item>Inside each seal's box (padded by a tenth) every pixel becomes the gray of its red channel, scaled so that the
/// seal's ink (the 10th percentile of its red) and anything brighter come out at the paper's own level in that box (the
/// 80th percentile of its luminance, so the patch has no edge): the overprint is divided out. Toner (black, and as black
/// under the ink), blue handwriting and the anti-aliased edges of letters keep their darkness, so no stroke is thinned,
/// as whitening the red pixels would. The rest of the page is untouched.</item>
/// </list>
/// Seals are looked for on a copy reduced to <see cref="SearchLongSide"/> px; only a page that has one pays for a
/// full-size copy, and the rest of the work is done on each seal's box. A gray page has no colour to tell a seal by and
/// is returned as it is.
/// </summary>
internal static class Seals
{
    public const int SearchLongSide = 800;
    public const double MinSideShare = 0.05;
    public const double MaxSideShare = 0.45;
    public const double MaxAspect = 2.5;

    /// <summary>The seals on a page: their boxes in the page's pixels (padded by a tenth, clipped to the page, overlapping
    /// boxes merged) and the red channel of their ink (its 10th percentile, 0–255).</summary>
    public sealed record Found(IReadOnlyList<ComponentBox> Boxes, double InkRed)
    {
        public static readonly Found None = new([], 255);
    }

    /// <summary>The seals on <paramref name="page"/> (none on a gray page).</summary>
    public static Found Find(PageImage page)
    {
        if (!page.IsColor) return Found.None;
        using var small = PageStatisticsCalculator.Reduced(page, SearchLongSide);
        using var red = RedMask(small);
        using var joined = Native.Check(Leptonica.pixDilateBrick(0, red, 5, 5), "pixDilateBrick");
        var factor = (double)page.Width / small.Width;
        var shorter = Math.Min(small.Width, small.Height);
        var boxes = new List<ComponentBox>();
        foreach (var c in PageComponents.Find(joined))
        {
            var (longSide, shortSide) = (Math.Max(c.Width, c.Height), Math.Min(c.Width, c.Height));
            if (shortSide < MinSideShare * shorter || longSide > MaxSideShare * shorter || longSide > MaxAspect * shortSide) continue;
            var padX = c.Width / 10.0;
            var padY = c.Height / 10.0;
            var x = (int)Math.Max(0, Math.Floor((c.X - padX) * factor));
            var y = (int)Math.Max(0, Math.Floor((c.Y - padY) * factor));
            var right = (int)Math.Min(page.Width, Math.Ceiling((c.Right + padX) * factor));
            var bottom = (int)Math.Min(page.Height, Math.Ceiling((c.Y + c.Height + padY) * factor));
            boxes.Add(new ComponentBox(x, y, right - x, bottom - y));
        }
        if (boxes.Count == 0) return Found.None;
        using var redChannel = Native.Check(Leptonica.pixGetRGBComponent(small.Pix, Leptonica.ColorRed), "pixGetRGBComponent");
        // The ink's darker part sets the level (its mean left the darker fifth of a ring as a faint gray arc that
        // Tesseract joined to the text beside it).
        if (Leptonica.pixGetRankValueMasked(redChannel, red, 0, 0, 1, InkRank, out var inkRed, 0) != 0)
            throw new InvalidOperationException("Leptonica pixGetRankValueMasked failed.");
        return new Found(Merge(boxes), inkRed);
    }

    /// <summary>A copy of <paramref name="page"/> with its seals faded to the paper (see the class summary); a clone when it has none.</summary>
    public static PageImage Remove(PageImage page) => Remove(page, Find(page));

    internal static PageImage Remove(PageImage page, Found seals)
    {
        if (seals.Boxes.Count == 0) return page.Clone();
        var copy = new PageImage(Native.Check(Leptonica.pixCopy(0, page.Pix), "pixCopy"));
        try
        {
            foreach (var box in seals.Boxes)
            {
                var (faded, x, y) = Faded(page, box, seals.InkRed);
                using (faded)
                    _ = Leptonica.pixRasteropFrom(copy.Pix, box.X, box.Y, box.Width, box.Height, Leptonica.PixSrc, faded, x, y);
            }
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>The part of <paramref name="page"/> around <paramref name="box"/>, as gray with the seal faded out, and
    /// where the box starts in it: the red channel, with the ink's red and anything brighter at the paper's own level
    /// there (so the patch has no edge) and darker grays stretched to meet it (toner stays as dark as it was: the
    /// overprint is divided out). The part starts on an even pixel of the page, one column or row before the box when
    /// it starts on an odd one, so that the paper level samples the same pixels a page-wide mask would.</summary>
    private static (PixHandle Pix, int X, int Y) Faded(PageImage page, ComponentBox box, double inkRed)
    {
        var (x, y) = (box.X % 2, box.Y % 2);
        var (width, height) = (box.Width + x, box.Height + y);
        // Only this part is worked on: a copy of its pixels, every pixel's fourth byte kept (Tesseract's Otsu thresholds
        // all four bytes of a 32 bpp page, so a patch with other padding bytes reads differently).
        var clip = Native.Check(Leptonica.pixCreate(width, height, 32), "pixCreate");
        try
        {
            _ = Leptonica.pixRasteropFrom(clip, 0, 0, width, height, Leptonica.PixSrc, page.Pix, box.X - x, box.Y - y);
            var paper = PaperLevel(clip, x, y, box);
            using var red = Native.Check(Leptonica.pixGetRGBComponent(clip, Leptonica.ColorRed), "pixGetRGBComponent");
            if (Leptonica.pixGammaTRC(red, red, 1f, 0, (int)Math.Clamp(inkRed, 128, 255)) == 0
                || Leptonica.pixMultConstantGray(red, paper / 255f) != 0)
                throw new InvalidOperationException("Leptonica could not map the seal's box to gray.");
            foreach (var channel in (int[])[Leptonica.ColorRed, Leptonica.ColorGreen, Leptonica.ColorBlue])
                if (Leptonica.pixSetRGBComponent(clip, red, channel) != 0)
                    throw new InvalidOperationException("Leptonica pixSetRGBComponent failed.");
            return (clip, x, y);
        }
        catch
        {
            clip.Dispose();
            throw;
        }
    }

    /// <summary>The paper's gray level in <paramref name="box"/>, which starts at (<paramref name="x"/>, <paramref name="y"/>)
    /// in <paramref name="clip"/>: paper is most of a seal's box and its brightest part, and the 80th percentile of the
    /// luminance stays clear of ink and text. Sampled on every other row and column from the clip's even start, from a
    /// luminance of the clip alone: a page-wide one cost a 12 MP conversion per seal page.</summary>
    private static float PaperLevel(PixHandle clip, int x, int y, ComponentBox box)
    {
        using var luminance = Native.Check(Leptonica.pixConvertTo8(clip, 0), "pixConvertTo8");
        using var inBox = Native.Check(Leptonica.pixCreate(box.Width + x, box.Height + y, 1), "pixCreate");
        _ = Leptonica.pixRasterop(inBox, x, y, box.Width, box.Height, Leptonica.PixSet, 0, 0, 0);
        if (Leptonica.pixGetRankValueMasked(luminance, inBox, 0, 0, 2, PaperRank, out var paper, 0) != 0)
            throw new InvalidOperationException("Leptonica pixGetRankValueMasked failed.");
        return paper;
    }

    private const float PaperRank = 0.8f;
    private const float InkRank = 0.1f;

    /// <summary>Boxes that overlap (a seal's inner ring inside its outer one, two seals stamped across each other) become one.</summary>
    private static List<ComponentBox> Merge(List<ComponentBox> boxes)
    {
        var merged = true;
        while (merged)
        {
            merged = false;
            for (var i = 0; i < boxes.Count && !merged; i++)
            for (var j = i + 1; j < boxes.Count && !merged; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                if (a.X >= b.Right || b.X >= a.Right || a.Y >= b.Y + b.Height || b.Y >= a.Y + a.Height) continue;
                var (x, y) = (Math.Min(a.X, b.X), Math.Min(a.Y, b.Y));
                boxes[i] = new ComponentBox(x, y, Math.Max(a.Right, b.Right) - x, Math.Max(a.Y + a.Height, b.Y + b.Height) - y);
                boxes.RemoveAt(j);
                merged = true;
            }
        }
        return boxes;
    }

    /// <summary>1 bpp: the pixels of <paramref name="page"/> (32 bpp RGB) that are seal red (see the class summary).</summary>
    internal static PixHandle RedMask(PageImage page)
    {
        // Both range masks take the RGB page and convert it to HSV themselves.
        using var hueMask = Native.Check(Leptonica.pixMakeRangeMaskHS(page.Pix, 0, 14, 180, 75, Leptonica.IncludeRegion), "pixMakeRangeMaskHS");
        using var svMask = Native.Check(Leptonica.pixMakeRangeMaskSV(page.Pix, 180, 75, 170, 85, Leptonica.IncludeRegion), "pixMakeRangeMaskSV");
        return Native.Check(Leptonica.pixAnd(0, hueMask, svMask), "pixAnd");
    }
}
