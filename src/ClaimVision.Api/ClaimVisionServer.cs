using ClaimVision.Pipeline.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimVision.Api;

/// <summary>
/// The API host: used by <c>claimvision serve</c> (API + consumers in one process, embedded defaults) and by an
/// API-only deployment in front of workers (<c>ClaimVision:RunConsumers=false</c>). Honours ASPNETCORE_URLS and
/// every <c>ClaimVision:*</c> setting from appsettings, environment variables and the command line.
/// </summary>
public static class ClaimVisionServer
{
    /// <summary>Builds the app; <paramref name="engines"/> registers the analysis engines the consumers need.</summary>
    public static WebApplication Create(string[] args, Action<IServiceCollection> engines)
    {
        ArgumentNullException.ThrowIfNull(engines);
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddClaimVisionRuntime(builder.Configuration);
        builder.Services.AddClaimVisionApi(builder.Configuration);
        engines(builder.Services);
        // Last, so that every log writer registered above (the defaults, the engines') writes only scrubbed text.
        builder.Services.AddPersonalDataScrubbing();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapClaimVisionApi();
        return app;
    }
}
