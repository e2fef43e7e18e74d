using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("ClaimVision.Vision.Tests")]
// The OCR-ceiling baseline recognises prepared pages through the same PIX path as the pipeline.
[assembly: InternalsVisibleTo("ClaimVision.Benchmarks")]
[assembly: DisableRuntimeMarshalling]
