using ClaimVision.Vision;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Intelligence.Tests;

/// <summary>One engine pool for the test class: engines are costly to initialise and safe to share through the pool.</summary>
public sealed class AnalyzerFixture : IDisposable
{
    public AnalyzerFixture()
    {
        Pool = new EnginePool(new OcrOptions { PoolSize = 2 });
        Pipeline = new VisionPipeline(Pool);
        Analyzer = new DocumentAnalyzer(Pipeline);
    }

    public EnginePool Pool { get; }
    public VisionPipeline Pipeline { get; }
    public DocumentAnalyzer Analyzer { get; }

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", "documents", name);

    public void Dispose() => Pool.Dispose();
}
