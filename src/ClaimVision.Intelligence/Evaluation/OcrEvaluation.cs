using System.Diagnostics;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Intelligence.Evaluation;

/// <summary>One image with the text it should read as.</summary>
public sealed record OcrSample(string ImagePath, string ExpectedText);

/// <summary>How one file went: character error rate and the time analysis took.</summary>
public sealed record OcrSampleScore(string File, double Cer, double Milliseconds, int Pages, string? Error);

/// <summary>The figures for a dataset: medians, the corpus-level CER (all edits over all expected characters), and the worst files.</summary>
public sealed record OcrEvaluationSummary(int Files, int Failed, double MedianMsPerPage, double MedianCer, double MeanCer, double CorpusCer, IReadOnlyList<OcrSampleScore> Worst);

/// <summary>Runs OCR over labelled samples and scores it.</summary>
public static class OcrEvaluation
{
    /// <summary>
    /// An SROIE-style folder: <c>img/NAME.jpg</c> beside <c>box/NAME.csv</c>, whose lines are
    /// <c>x1,y1,x2,y2,x3,y3,x4,y4,text</c> (the text itself may contain commas).
    /// </summary>
    public static IReadOnlyList<OcrSample> LoadSroie(string dataset)
    {
        var img = Path.Combine(dataset, "img");
        var box = Path.Combine(dataset, "box");
        if (!Directory.Exists(img) || !Directory.Exists(box))
            throw new DirectoryNotFoundException($"{dataset}: expected the folders img/ and box/ (SROIE layout).");
        var samples = new List<OcrSample>();
        foreach (var image in Directory.EnumerateFiles(img).Order(StringComparer.Ordinal))
        {
            var csv = Path.Combine(box, Path.GetFileNameWithoutExtension(image) + ".csv");
            if (!File.Exists(csv)) continue;
            var lines = File.ReadLines(csv)
                .Select(l => l.Split(',', 9))
                .Where(parts => parts.Length == 9)
                .Select(parts => parts[8].Trim());
            samples.Add(new OcrSample(image, string.Join('\n', lines)));
        }
        return samples;
    }

    /// <summary>Analyses every sample (up to <paramref name="parallelism"/> at once) and scores it.</summary>
    public static IReadOnlyList<OcrSampleScore> Score(IDocumentAnalyzer analyzer, IReadOnlyList<OcrSample> samples, int parallelism, long maxBytes,
        Action<OcrSampleScore>? onScored = null, CancellationToken cancellationToken = default)
    {
        var scores = new OcrSampleScore[samples.Count];
        Parallel.For(0, samples.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, i =>
        {
            var sample = samples[i];
            var clock = Stopwatch.StartNew();
            var report = analyzer.AnalyzeFile(sample.ImagePath, maxBytes, cancellationToken);
            var ms = clock.Elapsed.TotalMilliseconds;
            var name = Path.GetFileName(sample.ImagePath);
            scores[i] = report.Error is { } error
                ? new OcrSampleScore(name, 1, ms, 0, $"{error.Code}: {error.Message}")
                : new OcrSampleScore(name, CharacterErrorRate.Compute(report.Text, sample.ExpectedText), ms, Math.Max(1, report.PageCount), null);
            onScored?.Invoke(scores[i]);
        });
        return scores;
    }

    public static OcrEvaluationSummary Summarise(IReadOnlyList<OcrSampleScore> scores, IReadOnlyList<OcrSample> samples, int worst = 5)
    {
        var ok = scores.Where(s => s.Error is null).ToList();
        var expectedChars = samples.Select(s => CharacterErrorRate.Normalise(s.ExpectedText).Length).ToList();
        var edits = scores.Select((s, i) => s.Cer * expectedChars[i]).Sum();
        return new OcrEvaluationSummary(
            scores.Count,
            scores.Count - ok.Count,
            Median(ok.Select(s => s.Milliseconds / s.Pages)),
            Median(scores.Select(s => s.Cer)),
            scores.Count == 0 ? 0 : scores.Average(s => s.Cer),
            expectedChars.Sum() == 0 ? 0 : edits / expectedChars.Sum(),
            scores.OrderByDescending(s => s.Cer).Take(worst).ToList());
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return 0;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
