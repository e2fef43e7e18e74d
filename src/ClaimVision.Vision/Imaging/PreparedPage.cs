namespace ClaimVision.Vision.Imaging;

/// <summary>
/// One page made ready for OCR at any orthogonal rotation and scale, sharing the work between the readings of the
/// page: per rotation the upright page is binarised, its components found, its dashed leaders painted out and its skew
/// removed once; a re-read at the same rotation (another language, a half-scale probe, a sparse re-read) only looks the
/// image up or rescales the straightened page. Red seals are faded out first unless <see cref="Ocr.OcrOptions.RemoveSeals"/> is off (<see cref="Seals"/>). Colour pages stay in colour: converting them to 8 bpp gray first made
/// rotate/deskew/scale cheaper but changed Tesseract's own binarisation, and the held-out key-field F1 fell from 0.797
/// to 0.763.
/// <para>Memory: a page of 8–10 MP is 35–40 MB per colour copy, and the copies alive at once set a worker's peak, so
/// the page keeps few. It keeps where the seals are, not the page without them (made again for each rotation
/// straightened). It keeps the straightened page only until a full reading asks for its image: a later probe at another
/// scale gets it back from that image when the scale is 1, else straightens the page again (the same pixels). And once
/// a full reading asks for its image, it keeps that image alone; a reading that needs another makes it again (the same
/// pixels). <see cref="Take"/> and <see cref="Keep"/> let a reading lend its image to Tesseract
/// (<see cref="Ocr.LentImage"/>), so that the page and Tesseract do not both hold it.</para>
/// Not thread-safe (one per page being read); disposing releases every cached raster.
/// </summary>
internal sealed class PreparedPage : IDisposable
{
    /// <summary>The page as decoded; null once let go (when it can be decoded again).</summary>
    private PageImage? _page;
    private readonly Func<PageImage>? _decodeAgain;
    private readonly int _width;
    private readonly int _height;
    private Seals.Found? _seals;
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

    /// <param name="page">The page as decoded (a reference of its own is taken; the caller keeps its own).</param>
    /// <param name="scaleUpBelow">Text lower than this (px) is enlarged (<see cref="ResolutionNormalizer"/>).</param>
    /// <param name="scaleUpTo">The height (px) such text is enlarged to.</param>
    /// <param name="removeSeals">Fade red seals out first (<see cref="Seals"/>).</param>
    /// <param name="decodeAgain">Decodes the same page again (<see cref="EncodedImage.DecodePage"/>). When given, the page
    /// is not kept once a rotation has been straightened (the caller lets go of its own reference too, so that the decoded
    /// page is not a third full-size raster beside the cleaned and the deskewed one); another rotation decodes it again.</param>
    public PreparedPage(PageImage page, int scaleUpBelow = ResolutionNormalizer.MinTextHeight, int scaleUpTo = ResolutionNormalizer.TargetTextHeight, bool removeSeals = false,
        Func<PageImage>? decodeAgain = null)
    {
        _removeSeals = removeSeals;
        ResolutionNormalizer.ValidateScaleUp(scaleUpBelow, scaleUpTo);
        _page = page.Clone();
        _decodeAgain = decodeAgain;
        (_width, _height) = (page.Width, page.Height);
        _scaleUpBelow = scaleUpBelow;
        _scaleUpTo = scaleUpTo;
    }

    /// <summary>The page turned <paramref name="rotate"/>° clockwise, cleaned, deskewed and scaled to its text height times
    /// <paramref name="scaleFactor"/>, and the transform mapping its boxes back to the page. The image stays owned by
    /// this object: valid until it is disposed, or until the next call for a full reading (<paramref name="scaleFactor"/> 1),
    /// which lets go of every other image.</summary>
    public (PageImage Ready, PageTransform Transform) Get(int rotate, double scaleFactor = 1)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var upright = Straighten(rotate);
        var scale = upright.Scale * scaleFactor;
        var transform = upright.Transform.ThenScale(scale);
        var full = scaleFactor == 1;
        // A full reading needs its own image only: another rotation's or a probe's is rarely needed again once the page is
        // read at this one, and each is a raster beside it and beside Tesseract's copy of it.
        if (full)
            foreach (var key in _ready.Keys.Where(k => k != (rotate, 1)).ToList())
            {
                _ready[key].Dispose();
                _ready.Remove(key);
            }
        if (!_ready.TryGetValue((rotate, scaleFactor), out var ready))
        {
            upright.Straight ??= StraightAgain(rotate, upright);
            ready = ImageTransforms.Scale(upright.Straight, scale);
            _ready[(rotate, scaleFactor)] = ready;
        }
        // Nor does it need the straightened pages, which only probes rescale; when the scale is 1 the straightened page
        // is this image's own pixels, lent to Tesseract while it reads.
        if (full)
            foreach (var other in _upright.Values)
            {
                other.Straight?.Dispose();
                other.Straight = null;
            }
        return (ready, transform);
    }

    /// <summary>As <see cref="Get"/>, but the caller takes the image over (and disposes it, or hands it back with
    /// <see cref="Keep"/>): this page holds no reference to its pixels meanwhile.</summary>
    public (PageImage Ready, PageTransform Transform) Take(int rotate, double scaleFactor = 1)
    {
        var (ready, transform) = Get(rotate, scaleFactor);
        _ready.Remove((rotate, scaleFactor));
        return (ready, transform);
    }

    /// <summary>Keeps <paramref name="image"/> (the same pixels <see cref="Take"/> gave out) as the image at <paramref name="rotate"/>
    /// and <paramref name="scaleFactor"/>; this page owns it from now on.</summary>
    public void Keep(int rotate, double scaleFactor, PageImage image)
    {
        if (_disposed)
        {
            image.Dispose();
            ObjectDisposedException.ThrowIf(_disposed, this);
        }
        if (_ready.Remove((rotate, scaleFactor), out var previous) && !ReferenceEquals(previous, image)) previous.Dispose();
        _ready[(rotate, scaleFactor)] = image;
    }

    /// <summary>The straightened page at <paramref name="rotate"/> once more: the full-reading image's pixels when the page is read at
    /// its own size, else straightened again (deterministic, the same pixels).</summary>
    private PageImage StraightAgain(int rotate, Upright upright) =>
        upright.Scale == 1 && _ready.TryGetValue((rotate, 1), out var full) ? full.Clone() : Straighten(rotate, out _, out _).Image;

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
        var transform = PageTransform.Identity(_width, _height).ThenRotateOrthogonal(rotate).ThenRotate(straight.AngleDegrees);
        var result = new Upright(transform, ResolutionNormalizer.ChooseScale(straight.Image, textHeight, _scaleUpBelow, _scaleUpTo), components, textHeight) { Straight = straight.Image };
        _upright[rotate] = result;
        return result;
    }

    /// <summary>The page without its red seals, turned, its dashed leaders painted out and deskewed (deterministic: the same pixels every time).
    /// Each intermediate page is let go as soon as the next exists.</summary>
    private DeskewResult Straighten(int rotate, out IReadOnlyList<ComponentBox> components, out double? textHeight)
    {
        // Seals come out before anything else looks at the page: their ink is neither text nor skew (see Seals). Where they
        // are is found once; the page without them is made again for each rotation rather than kept (a page-sized copy).
        var page = _page ?? _decodeAgain!();
        _seals ??= _removeSeals ? Seals.Find(page) : Seals.Found.None;
        PageImage upright;
        using (var unsealed = Seals.Remove(page, _seals))
        {
            if (_decodeAgain is not null)
            {
                page.Dispose();
                _page = null;
            }
            upright = ImageTransforms.RotateOrthogonal(unsealed, rotate);
        }
        try
        {
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
                var cleaned = DashedRules.Paint(upright, DashedRules.Find(components, textHeight ?? ResolutionNormalizer.TargetTextHeight));
                upright.Dispose();
                using (cleaned)
                    return Deskewer.Deskew(cleaned, binary);
            }
        }
        finally
        {
            upright.Dispose();
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var image in _ready.Values) image.Dispose();
        foreach (var upright in _upright.Values) upright.Straight?.Dispose();
        _page?.Dispose();
    }
}
