using System.Text;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// A Chinese provider's name opens with its place (青岛市中心医院, 山东省立医院), and chi_sim misreads a place's glyph it is
/// unsure of (青昂市, 下岛市, 趟汉市 on the generated sets, each glyph read at a confidence of 0–0.36). When the place
/// before the name's first 市 or 省 is none that <see cref="Places"/> knows, exactly one known place of that kind is a
/// glyph from it, and OCR read the differing glyph at less than <see cref="MaxGlyphConfidence"/>, the place is that one;
/// a passed <see cref="CheckName"/> check says so. A glyph read surely is kept as read: the place may be a county-level
/// city the list does not hold (江阴市 is not 江门市).
/// </summary>
public static class ProviderPlace
{
    public const string CheckName = "placeKnown";

    /// <summary>A glyph read at this confidence or more is taken as read.</summary>
    public const double MaxGlyphConfidence = 0.5;

    private const string ResourceName = "ClaimVision.Intelligence.cn-places.txt";

    private static readonly Lazy<HashSet<(string Name, char Kind)>> Known = new(Load);

    /// <summary>The provinces (before 省) and the municipalities and prefecture-level cities (before 市) in the embedded list.</summary>
    public static IReadOnlyCollection<(string Name, char Kind)> Places => Known.Value;

    public static void Apply(Dictionary<string, ExtractedField> fields, DocumentView view)
    {
        if (!fields.TryGetValue(FieldNames.ProviderName, out var provider) || provider.Normalized is not { } name
            || Repaired(name, provider, view) is not { } repair)
            return;
        fields[FieldNames.ProviderName] = provider with
        {
            Normalized = repair.Name,
            Checks = [.. provider.Checks, new FieldCheck(CheckName, true,
                $"place {repair.Read} (glyph {repair.Glyph} read at {repair.Confidence:0.00}) is {repair.Place}, the one known place a glyph from it")],
        };
    }

    private sealed record Repair(string Name, string Read, string Place, char Glyph, double Confidence);

    private static Repair? Repaired(string name, ExtractedField provider, DocumentView view)
    {
        // The place: two to four glyphs before the name's first 市 or 省.
        var end = name.IndexOfAny(['市', '省']);
        if (end is < 2 or > 4 || !name[..end].All(Normalization.TextCleanup.IsHan)) return null;
        var (read, kind) = (name[..end], name[end]);
        if (Known.Value.Contains((read, kind))) return null;
        var near = Known.Value.Where(p => p.Kind == kind && p.Name.Length == read.Length && LabelIndex.OneGlyphApart(read, p.Name)).Take(2).ToList();
        if (near is not [var place]) return null;
        var differs = Enumerable.Range(0, read.Length).First(i => read[i] != place.Name[i]);
        // The glyph's own confidence, on the line the name was read from.
        var line = view.Lines.FirstOrDefault(l => l.Page == provider.Page && l.Text.Contains(read + kind, StringComparison.Ordinal));
        if (line?.ConfidenceAt(line.Text.IndexOf(read + kind, StringComparison.Ordinal) + differs) is not { } confidence
            || confidence >= MaxGlyphConfidence)
            return null;
        return new Repair(place.Name + name[end..], read, place.Name, read[differs], confidence);
    }

    private static HashSet<(string, char)> Load()
    {
        using var stream = typeof(ProviderPlace).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded place list '{ResourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var places = new HashSet<(string, char)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.Split('\t') is not [{ Length: >= 2 } place, [var kind and ('省' or '市')]])
                throw new InvalidDataException($"{ResourceName} line {number}: expected 'place<TAB>省 or 市', got '{line}'.");
            places.Add((place, kind));
        }
        return places;
    }
}
