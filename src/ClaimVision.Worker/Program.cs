using ClaimVision.Vision;
using ClaimVision.Worker;

// Before anything can load Tesseract or XGBoost: libgomp reads its environment once, at load.
NativeRuntime.EnsureInitialized();
// The analysis engines (DocumentAnalyzer, ClaimAssessor) are registered here once their branches are merged;
// until then the host refuses to start with a message naming what is missing.
using var host = WorkerHost.Create(args, _ => { });
await host.RunAsync();
