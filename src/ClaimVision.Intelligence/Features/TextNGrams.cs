using System.Globalization;
using System.Text;

namespace ClaimVision.Intelligence.Features;

/// <summary>
/// Language-aware n-grams of OCR text. Chinese has no spaces (and OCR often inserts stray ones between
/// characters), so runs of Han characters give character 1–3-grams; Latin text gives lower-case word
/// uni- and bigrams. Digits are folded to '0' so that amounts and dates share features across documents.
/// A run of more than four digits becomes one <c>#</c>, whatever its length: how many digits a document's numbers have
/// is a habit of whoever printed it (a generator's template, one hospital's system), not of its type, and a classifier
/// trained on lengths learnt them (a generated invoice's six-digit masked ID, a pharmacy receipt's nine-digit number;
/// docs/classifier.md). Card numbers, resident IDs, amounts and dates have layout features of their own.
/// Grams carry a prefix (c: / w:) so a Chinese character and an English word never share a name.
/// </summary>
public static class TextNGrams
{
    /// <summary>Digits in a run from which the run is written as one <c>#</c>.</summary>
    public const int LongNumber = 5;

    public static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>All grams of <paramref name="text"/>, in order of appearance (with repeats).</summary>
    public static IEnumerable<string> Extract(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            foreach (var g in HanGrams(line)) yield return g;
            foreach (var g in WordGrams(line)) yield return g;
        }
    }

    private static IEnumerable<string> HanGrams(string line)
    {
        // Spaces between Han characters are OCR artefacts: join the run across them.
        var run = new StringBuilder();
        var runs = new List<string>();
        foreach (var c in line)
        {
            if (IsHan(c)) run.Append(c);
            else if (char.IsWhiteSpace(c)) continue;
            else if (run.Length > 0)
            {
                runs.Add(run.ToString());
                run.Clear();
            }
        }
        if (run.Length > 0) runs.Add(run.ToString());
        foreach (var r in runs)
            for (var n = 1; n <= 3; n++)
                for (var i = 0; i + n <= r.Length; i++)
                    yield return string.Concat("c:", r.AsSpan(i, n));
    }

    private static IEnumerable<string> WordGrams(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var digits = 0;
        foreach (var c in line)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
                if (digits < LongNumber) word.Append('0');
                else if (digits == LongNumber)
                {
                    word.Length -= LongNumber - 1;
                    word.Append('#');
                }
                continue;
            }
            digits = 0;
            if (char.IsAsciiLetter(c) || (c > 127 && char.IsLetter(c) && !IsHan(c)))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0) words.Add(word.ToString());
        for (var i = 0; i < words.Count; i++)
        {
            yield return "w:" + words[i];
            if (i + 1 < words.Count) yield return string.Create(CultureInfo.InvariantCulture, $"w:{words[i]} {words[i + 1]}");
        }
    }
}
