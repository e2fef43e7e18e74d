using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Normalization;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// Diagnoses by ICD-10 code, each with its Chinese and English names (the title first, then the phrasings doctors
/// write). The extractor matches a diagnosis it read against it (<see cref="Nearest"/>) to repair a misread glyph and
/// to attach the code. The embedded catalogue holds a few hundred common diagnoses; a deployment can load a fuller one
/// (the national clinical version) in the same format: a header <c>code\tzh\ten</c>, then one row per code, aliases
/// separated by <c>|</c>.
/// </summary>
public sealed partial class DiagnosisCatalogue
{
    /// <summary>One code and its names.</summary>
    public sealed record Entry(string Code, IReadOnlyList<string> Chinese, IReadOnlyList<string> English);

    /// <summary>The entry a reading was matched to, the alias it was nearest, and how many characters differ.</summary>
    public sealed record Match(Entry Entry, string Name, int Distance);

    private const string ResourceName = "ClaimVision.Intelligence.icd10-diagnoses.tsv";
    private static readonly Lazy<DiagnosisCatalogue> EmbeddedCatalogue = new(LoadEmbedded);

    private readonly Dictionary<string, Entry> _byCode;
    private readonly Lazy<HashSet<string>> _latinWords;
    private readonly (string Key, string Name, Entry Entry)[] _aliases;
    /// <summary>The keys of the names that say a condition is absent (<see cref="Negates"/>).</summary>
    private readonly HashSet<string> _negating;

    private DiagnosisCatalogue(IReadOnlyList<Entry> entries, string source, string contentHash)
    {
        Source = source;
        Version = entries.Count == 0 ? "none" : $"{entries.Count}:{contentHash}";
        _byCode = entries.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);
        _aliases = [.. entries.SelectMany(e => e.Chinese.Concat(e.English).Select(n => (Key(n), n, e))).Where(a => a.Item1.Length > 0)];
        _keys = new(() => [.. _aliases.Select(a => a.Key)]);
        _negating = [.. _aliases.Select(a => a.Key).Where(Negates)];
        // Words of five letters or more in any English name: a reading holding one as printed names that diagnosis.
        _latinWords = new(() => entries.SelectMany(e => e.English).SelectMany(Words).Where(w => w.Length >= MinMatchedWordLength).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>A catalogue without entries: nothing is matched (turns matching off).</summary>
    public static DiagnosisCatalogue Empty { get; } = new([], "none", "");

    /// <summary>The catalogue shipped with the product.</summary>
    public static DiagnosisCatalogue Embedded => EmbeddedCatalogue.Value;

    /// <summary>Where the catalogue was read from (a file path, or "embedded").</summary>
    public string Source { get; }

    public int Count => _byCode.Count;

    /// <summary>Which catalogue this is, for the record of what a recommendation rested on: the entry count and the first
    /// 12 hex digits of the SHA-256 of its rows; <c>none</c> for <see cref="Empty"/>.</summary>
    public string Version { get; }

    public Entry? ByCode(string code) => _byCode.GetValueOrDefault(code.Trim());

    /// <summary>
    /// The name a reading starts with when all that follows it is what OCR glues onto a diagnosis: a code, its chapter letter
    /// perhaps read as a digit (<c>脑梗死疾病 163.9</c>, <c>冠状动脉粥样硬化性心脏病 125.1</c>), and before it the start of the
    /// next label when <paramref name="labelStart"/> says so (疾病 of 疾病编码, <c>脑梗死申请金</c> with 申请金额 cut short); and the
    /// reading up to the end of that name. Spacing and punctuation aside, the name must be read letter for letter, however
    /// short; the longest such name is taken. Null for a reading that is a name itself or that no name starts so: a
    /// diagnosis that goes on in words (高血压3级, 脑梗死后遗症) is another diagnosis, not a name with noise after it.
    /// </summary>
    public (Match Match, string Printed)? WithGluedTail(string read, Func<string, bool> labelStart)
    {
        var key = Key(read);
        foreach (var (aliasKey, name, entry) in _aliases.Where(a => key.Length > a.Key.Length && key.StartsWith(a.Key, StringComparison.Ordinal))
                     .OrderByDescending(a => a.Key.Length))
        {
            var tail = GluedTail().Match(key[aliasKey.Length..]);
            if (!tail.Success || (tail.Groups["label"].Success && !labelStart(tail.Groups["label"].Value))) continue;
            return (new Match(entry, name, 0), Printed(read, aliasKey.Length));
        }
        return null;
    }

    /// <summary>The start of <paramref name="read"/> that holds its first <paramref name="keyLength"/> letters and digits.</summary>
    private static string Printed(string read, int keyLength)
    {
        var half = TextCleanup.ToHalfWidth(read);
        var seen = 0;
        for (var i = 0; i < half.Length; i++)
            if (char.IsLetterOrDigit(half[i]) && ++seen == keyLength) return read[..(i + 1)];
        return read;
    }

    // What may follow a name, as a key (letters and digits, upper-case): Han glyphs starting a label, then a code of two
    // to six digits after at most one letter (I639, 1251).
    [GeneratedRegex(@"^(?<label>\p{IsCJKUnifiedIdeographs}{2,})?(?<code>[A-Z]?[0-9]{2,6})?$")]
    private static partial Regex GluedTail();

    /// <summary>Whether <paramref name="read"/> is, spacing and punctuation aside, a name the catalogue holds, however short
    /// (脑梗死, which <see cref="Nearest"/> leaves alone as too short to match).</summary>
    public bool Holds(string read) => _keys.Value.Contains(Key(read));

    private readonly Lazy<HashSet<string>> _keys;

    /// <summary>Reads a catalogue file.</summary>
    /// <exception cref="InvalidDataException">The file is missing or a row is malformed (named with its line).</exception>
    public static DiagnosisCatalogue Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"Diagnosis catalogue '{path}' does not exist.");
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Parse(reader, path);
    }

    /// <summary>Parses the tab-separated format; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The header is not <c>code\tzh\ten</c>, a row does not have three columns, a
    /// code is malformed or repeated, a row has no name, or a name (as compared: letters and digits, case and width
    /// ignored) stands under two codes, which would leave a reading of it matched to neither.</exception>
    public static DiagnosisCatalogue Parse(TextReader reader, string source)
    {
        var header = reader.ReadLine();
        if (header?.TrimEnd('\r') != "code\tzh\ten")
            throw new InvalidDataException($"Diagnosis catalogue '{source}' line 1: expected the header 'code<TAB>zh<TAB>en', found '{header}'.");
        var entries = new List<Entry>();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var named = new Dictionary<string, (string Code, int Line)>(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            line = line.TrimEnd('\r');
            if (line.Length == 0) continue;
            hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
            var columns = line.Split('\t');
            if (columns.Length != 3)
                throw new InvalidDataException($"Diagnosis catalogue '{source}' line {lineNumber}: expected 3 tab-separated columns (code, zh, en), found {columns.Length}.");
            var code = columns[0].Trim();
            if (!CodePattern().IsMatch(code))
                throw new InvalidDataException($"Diagnosis catalogue '{source}' line {lineNumber}: '{code}' is not an ICD-10 code such as I10 or K80.1.");
            if (!codes.Add(code))
                throw new InvalidDataException($"Diagnosis catalogue '{source}' line {lineNumber}: code {code} appears twice.");
            var zh = Aliases(columns[1]);
            var en = Aliases(columns[2]);
            if (zh.Count + en.Count == 0)
                throw new InvalidDataException($"Diagnosis catalogue '{source}' line {lineNumber}: code {code} has no name.");
            foreach (var name in zh.Concat(en))
            {
                var key = Key(name);
                if (named.TryGetValue(key, out var first) && first.Code != code)
                    throw new InvalidDataException($"Diagnosis catalogue '{source}' line {lineNumber}: '{name}' of {code} is already a name of {first.Code} (line {first.Line}); a name may stand under one code only.");
                named[key] = (code, lineNumber);
            }
            entries.Add(new Entry(code, zh, en));
        }
        return new DiagnosisCatalogue(entries, source, Convert.ToHexStringLower(hash.GetHashAndReset())[..12]);
    }

    /// <summary>
    /// The entry whose name is nearest to <paramref name="read"/>, when it is near enough and nearer than any other
    /// code's: at most one character in four differs (Chinese; one in six for Latin script, whose words OCR splits and
    /// merges more), the reading is at least four characters, and no other code is as near. Null otherwise, so a
    /// diagnosis the catalogue does not hold is never forced onto its neighbour by more than that margin.
    /// </summary>
    public Match? Nearest(string read)
    {
        var key = Key(read);
        if (key.Length < 4) return null;
        var latin = key.All(c => c < 128);
        var negated = Negates(key);
        (int Distance, string Name, Entry Entry)? best = null;
        var runnerUp = int.MaxValue;
        foreach (var (aliasKey, name, entry) in _aliases)
        {
            if (aliasKey.All(c => c < 128) != latin || _negating.Contains(aliasKey) != negated) continue;
            var limit = Allowed(aliasKey.Length, latin);
            var bound = Math.Max(limit, best?.Distance ?? 0) + 1;
            if (Math.Abs(aliasKey.Length - key.Length) > bound) continue;
            var d = EditDistance.Capped(key, aliasKey, bound);
            if (best is { } b && b.Entry == entry)
            {
                // Of one entry's names equally near, not one the reading would have added a glyph to (腰椎间盘突出征 is
                // 腰椎间盘突出症 misread in place, not 腰椎间盘突出 with a glyph added): OCR seldom adds a glyph.
                if (d < b.Distance || d == b.Distance && Key(b.Name).Length < key.Length && aliasKey.Length >= key.Length) best = (d, name, entry);
                continue;
            }
            if (best is null || d < best.Value.Distance)
            {
                if (best is { } previous) runnerUp = Math.Min(runnerUp, previous.Distance);
                best = (d, name, entry);
            }
            else runnerUp = Math.Min(runnerUp, d);
        }
        if (best is not { } found || found.Distance > Allowed(Key(found.Name).Length, latin) || runnerUp <= found.Distance) return null;
        return new Match(found.Entry, found.Name, found.Distance);
    }

    /// <summary>The name of <paramref name="entry"/> nearest to <paramref name="read"/> in the reading's script, when it is within
    /// the glyphs a misread may cost; null otherwise. Other entries are not looked at: the caller knows the entry from
    /// elsewhere (the code printed beside the diagnosis), so the reading is not chosen among all names and may be further
    /// from its own than <see cref="Nearest"/> allows: a third of a Chinese name's glyphs, rounded (冬性闲尾炎 beside K35.8 is
    /// 急性阑尾炎, two of five; 胆索结石伴慢性胆过天 beside K80.1 胆囊结石伴慢性胆囊炎, three of ten), a quarter of a Latin
    /// name's letters (<c>Nhecosclecotic heat, disense</c> beside I25.1, six of 27). <paramref name="strict"/> allows only
    /// what <see cref="Nearest"/> does (a quarter of the glyphs, a sixth of the letters), for a reading not known to be a
    /// diagnosis at all.</summary>
    public static Match? NearestOf(Entry entry, string read, bool strict = false)
    {
        int Limit(int length, bool latin) => strict ? Allowed(length, latin) : AllowedWithCode(length, latin);
        var key = Key(read);
        if (key.Length < 4) return null;
        var latin = key.All(c => c < 128);
        var best = (latin ? entry.English : entry.Chinese)
            .Select(name => (Name: name, Key: Key(name)))
            .Where(a => a.Key.Length > 0)
            .Select(a => (a.Name, a.Key, Distance: EditDistance.Capped(key, a.Key, Limit(a.Key.Length, latin) + 1)))
            .OrderBy(a => a.Distance)
            .ThenBy(a => a.Key.Length < key.Length)
            .FirstOrDefault();
        return best.Name is not null && best.Distance <= Limit(best.Key.Length, latin) ? new Match(entry, best.Name, best.Distance) : null;
    }

    /// <summary>Shortest word of a Latin reading that <see cref="ByWordsOf"/> matches: shorter ones (of, with, 2) say nothing.</summary>
    public const int MinMatchedWordLength = 5;

    /// <summary>
    /// The English name of <paramref name="entry"/> a Latin reading too garbled for <see cref="NearestOf"/> still names by its
    /// words, and those words; null when none does. A word of the reading of at least <see cref="MinMatchedWordLength"/> letters
    /// matches a word of the name a fifth of its letters apart (<c>hypectension</c> is hypertension, <c>wellitus</c> mellitus),
    /// each name word once, and the matched words must make up a third of the letters of the name's words of that length
    /// (<c>Community-rcquieed preumo nip</c> beside J18.9 is Community-acquired pneumonia by its first word). A qualifier
    /// can be that third (Essential of Essential hypertension): the code printed beside the reading says which entry it is,
    /// and this only says which of its names; a diagnosis written otherwise than its code says is not caught here.
    /// <c>F &lt;ceatial hypectension</c> beside I10 names Essential hypertension, <c>il infarction</c> beside I63.9 Cerebral
    /// infarction. A reading that also holds, as printed, a word of another diagnosis's names and none of this one's is a
    /// list of diagnoses or another one (<c>Cerebral infarction, hypertension</c>), and is left as read. So is a reading
    /// not garbled at all, every word of it spelt as the entry's names spell it (<c>Fracture of distal radius</c> beside
    /// S52.5, whose names are Fracture of lower end of radius and Distal radius fracture): that is a doctor's wording of
    /// the entry, read right. Of the names that
    /// qualify, the one nearest the whole reading is taken (Essential hypertension rather than Hypertension). Like
    /// <see cref="NearestOf"/>, only for a caller that knows the entry from the code printed beside the reading.
    /// </summary>
    public (Match Match, IReadOnlyList<string> Words)? ByWordsOf(Entry entry, string read)
    {
        var key = Key(read);
        if (key.Length < 4 || !key.All(c => c < 128)) return null;
        var readWords = Words(read).Where(w => w.Length >= MinMatchedWordLength).ToList();
        if (readWords.Count == 0) return null;
        var own = entry.English.SelectMany(Words).ToHashSet(StringComparer.Ordinal);
        if (readWords.Any(w => !own.Contains(w) && _latinWords.Value.Contains(w))) return null;
        if (Words(read).All(own.Contains)) return null;
        (Match Match, IReadOnlyList<string> Words)? best = null;
        foreach (var name in entry.English)
        {
            var nameWords = Words(name).Where(w => w.Length >= MinMatchedWordLength).ToList();
            var used = new bool[nameWords.Count];
            var matched = new List<string>();
            var letters = 0;
            foreach (var word in readWords)
            {
                var at = Enumerable.Range(0, nameWords.Count).FirstOrDefault(i => !used[i]
                    && EditDistance.Capped(word, nameWords[i], nameWords[i].Length / 5 + 1) <= nameWords[i].Length / 5, -1);
                if (at < 0) continue;
                used[at] = true;
                matched.Add(word);
                letters += nameWords[at].Length;
            }
            if (matched.Count == 0 || 3 * letters < nameWords.Sum(w => w.Length)) continue;
            var distance = EditDistance.Capped(key, Key(name));
            if (best is null || distance < best.Value.Match.Distance) best = (new Match(entry, name, distance), matched);
        }
        return best;
    }

    /// <summary>The Latin words of a text, upper-case.</summary>
    private static List<string> Words(string text) =>
        [.. LatinWord().Matches(TextCleanup.ToHalfWidth(text)).Select(m => m.Value.ToUpperInvariant())];

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex LatinWord();

    /// <summary>The most names <see cref="Ties"/> lists: more than that is no choice between misreadings but a reading
    /// too damaged to say much at all.</summary>
    public const int MaxTies = 5;

    /// <summary>
    /// The entries <see cref="Nearest"/> cannot choose between: two to <see cref="MaxTies"/> entries whose nearest names
    /// are equally near <paramref name="read"/> and within the glyphs a misread may cost (as for <see cref="Nearest"/>), one
    /// match per entry, in code order. Empty when one entry is nearest, when none is near enough, or when too many tie.
    /// One pass over the names with <see cref="Nearest"/>'s length bound, so it costs what <see cref="Nearest"/> does.
    /// </summary>
    public IReadOnlyList<Match> Ties(string read)
    {
        var key = Key(read);
        if (key.Length < 4) return [];
        var latin = key.All(c => c < 128);
        var negated = Negates(key);
        var best = new Dictionary<Entry, (int Distance, string Name)>();
        foreach (var (aliasKey, name, entry) in _aliases)
        {
            if (aliasKey.All(c => c < 128) != latin || _negating.Contains(aliasKey) != negated) continue;
            var limit = Allowed(aliasKey.Length, latin);
            if (Math.Abs(aliasKey.Length - key.Length) > limit) continue;
            var d = EditDistance.Capped(key, aliasKey, limit + 1);
            if (d > limit) continue;
            if (!best.TryGetValue(entry, out var seen) || d < seen.Distance) best[entry] = (d, name);
        }
        if (best.Count < 2) return [];
        var nearest = best.Values.Min(b => b.Distance);
        var tied = best.Where(b => b.Value.Distance == nearest).ToList();
        return tied.Count is < 2 or > MaxTies
            ? []
            : [.. tied.Select(b => new Match(b.Key, b.Value.Name, b.Value.Distance)).OrderBy(m => m.Entry.Code, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Of matches <see cref="Ties"/> found equally near <paramref name="read"/>, the only one the reading did not add a glyph
    /// to: every other tied name is shorter than the reading (in compared characters). 急性胃肋炎 is 急性胃肠炎 with 肠 misread
    /// in place, or 急性胃炎 with a glyph added; OCR misreads a glyph in place and loses one (a cell's last glyph, a faint
    /// one) far more often than it adds one. In the generated held-out sets' misread Chinese diagnoses (seeds 229 and
    /// 233) glyphs were misread in place (角, 肋 twice, 征) or lost, none added. Null when two or more tied names are at
    /// least as long as the reading (急性胃肠 is 急性胃肠炎 with a glyph lost or 急性胃炎 with one misread: no telling).
    /// </summary>
    public static Match? WithoutGlyphAdded(IReadOnlyList<Match> tied, string read)
    {
        var length = Key(read).Length;
        return tied.Where(m => Key(m.Name).Length >= length).ToList() is [var only] ? only : null;
    }

    private static int Allowed(int length, bool latin) => latin ? length / 6 : Math.Max(length >= 4 ? 1 : 0, length / 4);

    private static int AllowedWithCode(int length, bool latin) => latin ? length / 4 : Math.Max(length >= 4 ? 1 : 0, (length + 1) / 3);

    /// <summary>Whether a name or a reading (as <see cref="Key"/> writes it) says a condition is absent: <c>without</c> (in a
    /// reading also with one letter misread, <c>withaut</c>), 不伴 or 无. OCR misreads glyphs; it does not turn "with" into
    /// "without": a reading and a name that differ in this are different diagnoses however few letters apart
    /// (<c>Calculus of gallbladder with cholecystitis</c> is no misread of K80.2's <c>… without cholecystitis</c>, three
    /// letters from it), so neither <see cref="Nearest"/> nor <see cref="Ties"/> offers one for the other.</summary>
    private static bool Negates(string key)
    {
        if (key.Contains("不伴", StringComparison.Ordinal) || key.Contains('无')) return true;
        const string without = "WITHOUT";
        for (var at = 0; at + without.Length <= key.Length; at++)
            if (key.Substring(at, without.Length) is var window && (window == without || LabelIndex.OneGlyphApart(window, without)))
                return true;
        return false;
    }

    /// <summary>What names are compared on: half-width, no whitespace or punctuation, Latin letters upper-case.</summary>
    private static string Key(string text)
    {
        var half = TextCleanup.ToHalfWidth(text);
        var sb = new StringBuilder(half.Length);
        foreach (var c in half)
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToUpperInvariant(c));
        return sb.ToString();
    }

    private static List<string> Aliases(string column) =>
        [.. column.Split('|').Select(a => a.Trim()).Where(a => a.Length > 0)];

    private static DiagnosisCatalogue LoadEmbedded()
    {
        using var stream = typeof(DiagnosisCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded diagnosis catalogue '{ResourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader, "embedded");
    }

    [GeneratedRegex(@"^[A-Z][0-9]{2}(\.[0-9]{1,2})?$")]
    private static partial Regex CodePattern();
}
