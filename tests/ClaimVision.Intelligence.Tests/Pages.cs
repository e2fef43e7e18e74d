using ClaimVision.Domain.Documents;
using ClaimVision.Vision;

namespace ClaimVision.Intelligence.Tests;

/// <summary>Builds OCR pages by hand: each row is a list of (text, x) cells at one height, as Tesseract would return them.</summary>
internal static class Pages
{
    public const int RowHeight = 30;

    /// <summary>Rows top to bottom; a cell is "text@x" or plain text at x = 40. Characters are 16 px wide.</summary>
    public static OcrPage Build(params string[][] rows)
    {
        var lines = new List<OcrLine>();
        for (var r = 0; r < rows.Length; r++)
        {
            var y = 40 + r * (RowHeight + 10);
            foreach (var cell in rows[r])
            {
                var (text, x) = Parse(cell);
                lines.Add(Line(text, x, y));
            }
        }
        return new OcrPage { Width = 1200, Height = 60 + rows.Length * (RowHeight + 10), Language = "chi_sim", MeanConfidence = 0.9, Lines = lines };
    }

    public static VisionResult Doc(params string[][] rows) => new([Build(rows)], []);

    /// <summary>The page with every line and word read at <paramref name="confidence"/> (a doubtful reading).</summary>
    public static OcrPage ReadAt(OcrPage page, double confidence) => page with
    {
        Lines = [.. page.Lines.Select(l => l with { Confidence = confidence, Words = [.. l.Words.Select(w => w with { Confidence = confidence })] })],
    };

    public static string[] Row(params string[] cells) => cells;

    private static (string, int) Parse(string cell)
    {
        var at = cell.LastIndexOf('@');
        return at > 0 && int.TryParse(cell[(at + 1)..], out var x) ? (cell[..at], x) : (cell, 40);
    }

    /// <summary>Words are separated by spaces, read at 0.9. Within a word, <c>¦</c> splits it into words with no space between
    /// them (as chi_sim returns one glyph a word: <c>青¦昂~0.1¦市医院</c>), and <c>~c</c> after a word sets its confidence.</summary>
    private static OcrLine Line(string cell, int x, int y)
    {
        var words = new List<OcrWord>();
        var cx = x;
        var tokens = new List<string>();
        foreach (var token in cell.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var text = "";
            foreach (var part in token.Split('¦'))
            {
                var tilde = part.LastIndexOf('~');
                var (w, confidence) = tilde > 0 && double.TryParse(part[(tilde + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var c)
                    ? (part[..tilde], c) : (part, 0.9);
                words.Add(new OcrWord(w, confidence, new BoundingBox(cx, y, w.Length * 16, RowHeight)));
                cx += w.Length * 16;
                text += w;
            }
            tokens.Add(text);
            cx += 16;
        }
        return new OcrLine(string.Join(' ', tokens), 0.9, new BoundingBox(x, y, Math.Max(16, cx - x - 16), RowHeight), words);
    }
}
