namespace ClaimVision.Vision.Imaging;

/// <summary>
/// One page made ready for OCR at any orthogonal rotation and scale, sharing the work between the readings of the
/// page: per rotation the upright page is binarised, its components found, its dashed leaders painted out and its skew
/// removed once; a re-read at the same rotation (another language, a half-scale probe, a sparse re-read) only looks the
/// image up or rescales the straightened page. Red seals are faded out first unless <see cref="Ocr.OcrOptions.RemoveSeals"/> is off (<see cref="Seals"/>). Colour pages stay in colour: converting them to 8 bpp gray first made
/// rotate/deskew/scale cheaper but changed Tesseract's own binarisation, and the held-out key-field F1 fell from 0.797
/// to 0.763. The straightened page is let go once it has been scaled for the full reading (the scaled image is what
/// every later full reading uses); a later probe at another scale straightens the page again, which gives the same
/// pixels. Not thread-safe (one per page being read); disposing releases every cached raster.
/// </summary>
internal sealed class PreparedPage : IDisposable
{
    private readonly PageImage _page;
    private PageImage? _unsealed;
    private readonly int _scaleUpBelow;

    /// <summary>The most of an inverted dark page that may be ink for it to be light print on a dark face: generated bank
    /// cards give 0.03–0.25 (print, chip, rings), a dim paper page inverted is mostly ink.</summary>
    private const double MaxLightPrintShare = 0.35;
    private readonly int _scaleUpTo;
    private readonly bool _removeSeals;
    private readonly Dictionary<int, Upright> _upright = [];
    private readonly Dictionary<(int Rotate, double Factor), PageImage> _ready = [];
    private bool _disposed;

    /// <summary>The straightened page at one rotation, its transform from the user's page, the scale its text asks for, and
    /// the components and text height found on it before deskew (kept for <see cref="ScriptFeatures"/>).</summary>
    private sealed record Upright(PageTransform Transform, double Scale, IReadOnlyList<ComponentBox> Components, double? TextHeight)
    {
        /// <summary>The page cleaned and deskewed at this rotation, at its own size; null once let go (see the class summary).</summary>
        public PageImage? Straight { get; set; }
    }

    /// <param name="page">The page as decoded (copied; the caller keeps its own).</param>
    /// <param name="scaleUpBelow">Text lower than this (px) is enlarged (<see cref="ResolutionNormalizer"/>).</param>
    /// <param name="scaleUpTo">The height (px) such text is enlarged to.</param>
    /// <param name="removeSeals">Fade red seals out first (<see cref="Seals"/>).</param>
    public PreparedPage(PageImage page, int scaleUpBelow = ResolutionNormalizer.MinTextHeight, int scaleUpTo = ResolutionNormalizer.TargetTextHeight, bool removeSeals = false)
    {
        _removeSeals = removeSeals;
        ResolutionNormalizer.ValidateScaleUp(scaleUpBelow, scaleUpTo);
        _page = page.Clone();
        _scaleUpBelow = scaleUpBelow;
        _scaleUpTo = scaleUpTo;
    }

    /// <summary>The page turned <paramref name="rotate"/>° clockwise, cleaned, deskewed and scaled to its text height times
    /// <paramref name="scaleFactor"/>, and the transform mapping its boxes back to the page. The image stays owned by
    /// this object (valid until it is disposed).</summary>
    public (PageImage Ready, PageTransform Transform) Get(int rotate, double scaleFactor = 1)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var upright = Straighten(rotate);
        var scale = upright.Scale * scaleFactor;
        var transform = upright.Transform.ThenScale(scale);
        if (!_ready.TryGetValue((rotate, scaleFactor), out var ready))
        {
            upright.Straight ??= Straighten(rotate, out _, out _).Image;
            ready = ImageTransforms.Scale(upright.Straight, scale);
            _ready[(rotate, scaleFactor)] = ready;
            // A rescaled full-reading image is a second full-page raster beside the straightened one, and the larger
            // part of a page's memory in flight (Tesseract copies it again); the straightened page is rarely needed after it.
            if (scaleFactor == 1 && scale != 1)
            {
                upright.Straight.Dispose();
                upright.Straight = null;
            }
        }
        return (ready, transform);
    }

    /// <summary>The shape of the page's text at <paramref name="rotate"/> (see <see cref="Imaging.ScriptFeatures"/>), measured on
    /// the components that page's preparation finds anyway; null when the page has too little text.</summary>
    public ScriptFeatures? ScriptFeatures(int rotate = 0)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var upright = Straighten(rotate);
        return Imaging.ScriptFeatures.From(upright.Components, upright.TextHeight);
    }

    private Upright Straighten(int rotate)
    {
        if (_upright.TryGetValue(rotate, out var known)) return known;
        var straight = Straighten(rotate, out var components, out var textHeight);
        var transform = PageTransform.Identity(_page.Width, _page.Height).ThenRotateOrthogonal(rotate).ThenRotate(straight.AngleDegrees);
        var result = new Upright(transform, ResolutionNormalizer.ChooseScale(straight.Image, textHeight, _scaleUpBelow, _scaleUpTo), components, textHeight) { Straight = straight.Image };
        _upright[rotate] = result;
        return result;
    }

    /// <summary>The page without its red seals, turned, its dashed leaders painted out and deskewed (deterministic: the same pixels every time).</summary>
    private DeskewResult Straighten(int rotate, out IReadOnlyList<ComponentBox> components, out double? textHeight)
    {
        // Seals come out before anything else looks at the page: their ink is neither text nor skew (see Seals).
        _unsealed ??= _removeSeals ? Seals.Remove(_page) : _page.Clone();
        using var upright = ImageTransforms.RotateOrthogonal(_unsealed, rotate);
        // One binarisation and one component analysis serve the skew search, the text-height estimate and the
        // dashed-leader search (a few degrees of skew barely change glyph heights).
        var (binary, lightOnDark) = Binarizer.ToBinaries(upright);
        using (binary)
        using (lightOnDark)
        {
            components = PageComponents.Find(binary);
            textHeight = ResolutionNormalizer.EstimateTextHeight(components, upright.Height);
            // A mostly dark page (a bank card) whose binary asks for enlarging it — its light text lost, its face's noise
            // measured — is measured and deskewed on its inverted binary when that holds little ink (print, not a sheet of
            // paper turned dark: a dim photo of a form inverts to mostly ink) and finds text that needs no enlarging. No
            // dashed leaders are painted on it: they would be painted white on the dark face.
            if (lightOnDark is not null && textHeight is { } measured && measured < _scaleUpBelow
                && Binarizer.InkShare(lightOnDark) <= MaxLightPrintShare)
            {
                var inverted = PageComponents.Find(lightOnDark);
                if (ResolutionNormalizer.EstimateTextHeight(inverted, upright.Height) is { } height && height >= _scaleUpBelow)
                {
                    components = inverted;
                    textHeight = height;
                    return Deskewer.Deskew(upright, lightOnDark);
                }
            }
            using var cleaned = DashedRules.Paint(upright, DashedRules.Find(components, textHeight ?? ResolutionNormalizer.TargetTextHeight));
            return Deskewer.Deskew(cleaned, binary);
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var image in _ready.Values) image.Dispose();
        foreach (var upright in _upright.Values) upright.Straight?.Dispose();
        _unsealed?.Dispose();
        _page.Dispose();
    }
}
