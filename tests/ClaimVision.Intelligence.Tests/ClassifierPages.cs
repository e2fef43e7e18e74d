using ClaimVision.Domain.Documents;
using ClaimVision.Vision;

namespace ClaimVision.Intelligence.Tests;

/// <summary>Hand-made OCR output for tests: one page of the given lines.</summary>
internal static class ClassifierPages
{
    public static VisionResult Vision(params string[] lines) => Vision(lines, width: 2480, height: 3508);

    public static VisionResult Vision(IEnumerable<string> lines, int width, int height)
    {
        var ocrLines = lines.Select((t, i) => new OcrLine(t, 0.9, new BoundingBox(100, 100 + 60 * i, 40 * Math.Max(1, t.Length), 50),
            t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new OcrWord(w, 0.9, new BoundingBox(100, 100 + 60 * i, 40, 50))).ToArray())).ToArray();
        var page = new OcrPage { Width = width, Height = height, Language = "chi_sim", MeanConfidence = 0.9, Lines = ocrLines };
        return new VisionResult([page], [new PageStatistics { AspectRatio = (double)height / width, InkDensity = 0.08 }]);
    }
}

/// <summary>XGBoost is not re-entrant while training: every test that trains runs in this one serial collection.</summary>
internal static class XGBoostSerial
{
    public const string Name = "XGBoost";
}
