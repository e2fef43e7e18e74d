using ClaimVision.Pipeline.Hosting;
using ClaimVision.Vision;
using ClaimVision.Worker;

// Before anything can load Tesseract or XGBoost: libgomp reads its environment once, at load.
NativeRuntime.EnsureInitialized();
// The production engines: OCR → classifier → extractors, and the policy assessment.
using var host = WorkerHost.Create(args, services => services.AddClaimVisionEngines());
await host.RunAsync();
