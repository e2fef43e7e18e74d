using System.Globalization;
using System.Text.Json;
using ClaimVision.Domain.Documents;
using ClaimVision.Vision;

namespace ClaimVision.Intelligence.Evaluation;

/// <summary>One SROIE receipt: its text lines as an OCR page, and the four key values as printed.</summary>
public sealed record SroieSample(string Id, OcrPage Page, IReadOnlyDictionary<string, string> Keys)
{
    /// <summary>The type the receipt is read as: <c>other</c> (a receipt) unless a classifier chose another.</summary>
    public DocumentType Type { get; init; } = DocumentType.Other;
}

/// <summary>
/// Loads the SROIE layout (box/NNN.csv: <c>x1,y1,x2,y2,x3,y3,x4,y4,text</c> per line; key/NNN.json:
/// company, date, address, total). The box files stand in for OCR: every line becomes an <see cref="OcrLine"/>
/// with one word and confidence 1.
/// </summary>
public static class SroieDataset
{
    /// <summary>SROIE key → canonical field name.</summary>
    public static IReadOnlyDictionary<string, string> KeyToField { get; } = new Dictionary<string, string>
    {
        ["company"] = FieldNames.ProviderName,
        ["date"] = FieldNames.DocumentDate,
        ["address"] = FieldNames.ProviderAddress,
        ["total"] = FieldNames.TotalAmount,
    };

    public static IReadOnlyList<SroieSample> Load(string directory)
    {
        var boxDir = Path.Combine(directory, "box");
        var keyDir = Path.Combine(directory, "key");
        if (!Directory.Exists(boxDir) || !Directory.Exists(keyDir))
            throw new DirectoryNotFoundException($"{directory}: not a SROIE folder (expected box/ and key/ subfolders).");
        var samples = new List<SroieSample>();
        foreach (var csv in Directory.EnumerateFiles(boxDir, "*.csv").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(csv);
            var keyFile = Path.Combine(keyDir, id + ".json");
            if (!File.Exists(keyFile)) continue;
            samples.Add(new SroieSample(id, ReadBoxes(csv), ReadKeys(keyFile)));
        }
        return samples;
    }

    /// <summary>Reads one box file into a page; a malformed line is an error naming the file and line.</summary>
    public static OcrPage ReadBoxes(string path)
    {
        var lines = new List<OcrLine>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var parts = raw.Split(',', 9);
            if (parts.Length < 9 || !parts[..8].All(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
                throw new InvalidDataException($"{path}:{number}: expected x1,y1,…,y4,text with eight integer coordinates.");
            var v = parts[..8].Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            var xs = new[] { v[0], v[2], v[4], v[6] };
            var ys = new[] { v[1], v[3], v[5], v[7] };
            var box = new BoundingBox(xs.Min(), ys.Min(), Math.Max(1, xs.Max() - xs.Min()), Math.Max(1, ys.Max() - ys.Min()));
            var text = parts[8].Trim();
            if (text.Length == 0) continue;
            lines.Add(new OcrLine(text, 1, box, [new OcrWord(text, 1, box)]));
        }
        var width = lines.Count == 0 ? 1 : lines.Max(l => l.Box.Right);
        var height = lines.Count == 0 ? 1 : lines.Max(l => l.Box.Bottom);
        return new OcrPage { Width = width, Height = height, Language = "eng", MeanConfidence = 1, Lines = lines };
    }

    private static Dictionary<string, string> ReadKeys(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))
                   ?? throw new InvalidDataException($"{path}: key file is JSON null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a SROIE key JSON ({e.Message}).", e);
        }
    }
}
