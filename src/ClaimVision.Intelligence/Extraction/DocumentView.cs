using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Normalization;
using ClaimVision.Vision;
using ClaimVision.Vision.Imaging;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>A piece of text taken from the page for a field: what was printed, where, and how well OCR read it.</summary>
public sealed record TextSpan(string Text, BoundingBox Box, double Confidence, int Page);

/// <summary>One OCR line, half-width, with each word's character range so any slice of the text maps back to the
/// union of the boxes of the words it covers.</summary>
public sealed class LineView
{
    private readonly (int Start, int End, OcrWord Word)[] _words;

    public LineView(OcrLine line, int page, int index)
    {
        Line = line;
        Page = page;
        Index = index;
        Text = TextCleanup.ToHalfWidth(line.Text);
        var words = new List<(int, int, OcrWord)>();
        var cursor = 0;
        foreach (var w in line.Words)
        {
            var wt = TextCleanup.ToHalfWidth(w.Text).Trim();
            if (wt.Length == 0) continue;
            var at = Text.IndexOf(wt, cursor, StringComparison.Ordinal);
            if (at < 0) continue;
            words.Add((at, at + wt.Length, w));
            cursor = at + wt.Length;
        }
        _words = [.. words];
    }

    public OcrLine Line { get; }
    public int Page { get; }
    /// <summary>Reading-order index of the line within the document.</summary>
    public int Index { get; }
    public string Text { get; }
    public BoundingBox Box => Line.Box;
    public double CenterY => Box.Y + Box.Height / 2.0;

    /// <summary>The part of the line from <paramref name="start"/> (inclusive) to <paramref name="end"/>, trimmed, with the box
    /// of the words it touches (or a proportional cut of the line box when OCR gave no words).</summary>
    public TextSpan Slice(int start, int end)
    {
        while (start < end && char.IsWhiteSpace(Text[start])) start++;
        while (end > start && char.IsWhiteSpace(Text[end - 1])) end--;
        var text = Text[start..end];
        var used = _words.Where(w => w.Start < end && start < w.End).Select(w => w.Word).ToList();
        if (used.Count > 0)
        {
            var box = used.Select(w => w.Box).Aggregate(BoundingBox.Union);
            return new TextSpan(text, box, used.Average(w => w.Confidence), Page);
        }
        var len = Math.Max(1, Text.Length);
        var x0 = Box.X + (int)(Box.Width * (double)start / len);
        var x1 = Box.X + (int)Math.Ceiling(Box.Width * (double)end / len);
        return new TextSpan(text, new BoundingBox(x0, Box.Y, Math.Max(1, x1 - x0), Box.Height), Line.Confidence, Page);
    }

    public TextSpan Whole() => Slice(0, Text.Length);

    /// <summary>OCR's confidence in the word holding the character at <paramref name="index"/> of <see cref="Text"/> (chi_sim
    /// returns most Chinese glyphs as words of their own), or null where OCR gave no word.</summary>
    public double? ConfidenceAt(int index)
    {
        foreach (var (start, end, word) in _words)
            if (start <= index && index < end) return word.Confidence;
        return null;
    }

    /// <summary>True when the two lines share a text row (their vertical centres lie within each other's height).</summary>
    public bool SameRow(LineView other) =>
        Page == other.Page && Math.Abs(CenterY - other.CenterY) < Math.Min(Box.Height, other.Box.Height) * 0.6;

    public override string ToString() => Text;
}

/// <summary>All lines of a document in reading order (page, then top to bottom, then left to right).
/// Geometry is upright: a page the vision layer turned (<see cref="OcrPage.Orientation"/>) reports boxes in the image
/// as stored, so they are turned here too, or an upside-down page would read bottom line first and "below" would be
/// above. <see cref="ToImage"/> turns a box found here back into the stored image's pixels.</summary>
public sealed class DocumentView
{
    public DocumentView(IReadOnlyList<OcrPage> pages)
    {
        var lines = new List<LineView>();
        foreach (var (page, p) in pages.Select((p, i) => (p, i)))
        {
            var ordered = Upright(page).Where(l => !string.IsNullOrWhiteSpace(l.Text))
                .OrderBy(l => l.Box.Y + l.Box.Height / 2.0).ThenBy(l => l.Box.X).ToList();
            foreach (var l in ordered) lines.Add(new LineView(l, p, lines.Count));
        }
        Lines = lines;
        Pages = pages;
    }

    public IReadOnlyList<OcrPage> Pages { get; }

    /// <summary>The lexicon's labels on this view's lines (<see cref="FieldLexicon"/>), found once for every reader of the
    /// page: the labelled fields, the diagnosis code's and the 大写 amount's second looks, and the page read again in the
    /// other date order all use the same index.</summary>
    public LabelIndex Labels => _labels ??= new LabelIndex(this);
    private LabelIndex? _labels;

    /// <summary>A box of this view (upright) in pixels of page <paramref name="page"/> as stored.</summary>
    public BoundingBox ToImage(BoundingBox box, int page) =>
        page < 0 || page >= Pages.Count ? box : Turning(Pages[page]).MapBack(box);

    private static IEnumerable<OcrLine> Upright(OcrPage page)
    {
        if (page.Orientation % 360 == 0) return page.Lines;
        var turning = Turning(page);
        return page.Lines.Select(l => l with
        {
            Box = turning.MapForward(l.Box),
            Words = [.. l.Words.Select(w => w with { Box = turning.MapForward(w.Box) })],
        });
    }

    /// <summary>The vision layer's own mapping from the stored page to the page turned upright.</summary>
    private static PageTransform Turning(OcrPage page) =>
        PageTransform.Identity(page.Width, page.Height).ThenRotateOrthogonal(page.Orientation);
    public IReadOnlyList<LineView> Lines { get; }

    /// <summary>Lines grouped into visual rows, each row left to right. A receipt's "TOTAL:" and its amount are
    /// separate OCR lines on one row.</summary>
    public IReadOnlyList<IReadOnlyList<LineView>> Rows()
    {
        var rows = new List<List<LineView>>();
        foreach (var line in Lines)
        {
            var row = rows.LastOrDefault(r => r.Any(line.SameRow));
            if (row is not null && rows.IndexOf(row) >= rows.Count - 2) row.Add(line);
            else rows.Add([line]);
        }
        return [.. rows.Select(r => (IReadOnlyList<LineView>)[.. r.OrderBy(l => l.Box.X)])];
    }
}
