using Microsoft.Extensions.Hosting;
using ClaimVision.TestWorker;
using ClaimVision.Worker;

using var host = WorkerHost.Create(args, TestEngines.Register);
await host.RunAsync();
