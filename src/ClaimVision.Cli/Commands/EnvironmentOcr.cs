using ClaimVision.Pipeline.Hosting;
using ClaimVision.Vision.Ocr;
using Microsoft.Extensions.Configuration;

namespace ClaimVision.Cli.Commands;

/// <summary>
/// The OCR options the one-shot commands (<c>analyze</c>, <c>process</c>, <c>bench</c>) read from the environment,
/// <c>ClaimVision__Ocr__*</c>, exactly as <c>serve</c> and the Worker read them from their configuration: a deployment's
/// settings (seals kept, another resolution rule) then hold for every way of running the pipeline.
/// </summary>
internal static class EnvironmentOcr
{
    /// <exception cref="InvalidOperationException">A <c>ClaimVision__Ocr__</c> variable names no option or has a value it cannot take.</exception>
    public static OcrOptions Read() => EngineServiceCollectionExtensions.ConfiguredOcr(new ConfigurationBuilder().AddEnvironmentVariables().Build());
}
