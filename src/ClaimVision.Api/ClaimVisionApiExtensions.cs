using System.Reflection;
using ClaimVision.Api.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimVision.Api;

/// <summary>The HTTP surface: intake, claims, adjusters' queue and decisions, documents, OpenAPI, health, the review page.</summary>
public static class ClaimVisionApiExtensions
{
    /// <summary>Registers the API's services. Storage and messaging are registered by the host beside it.</summary>
    public static IServiceCollection AddClaimVisionApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section));
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddScoped<ClaimIntake>();
        services.AddHealthChecks()
            .AddCheck<ClaimStoreHealthCheck>("claim-store", tags: ["ready"])
            .AddCheck<BlobStoreHealthCheck>("blob-store", tags: ["ready"]);
        return services;
    }

    /// <summary>Maps every endpoint; <c>/</c> redirects to the adjuster review page.</summary>
    public static IEndpointRouteBuilder MapClaimVisionApi(this IEndpointRouteBuilder app)
    {
        ClaimEndpoints.Map(app);
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Probe.WriteAsync });
        // MassTransit registers its bus check with the "ready" tag; with ours that covers broker, store and blobs.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = Probe.WriteAsync });
        app.MapGet("/", () => Results.Redirect("/review/")).ExcludeFromDescription();
        app.MapGet("/review/{*file}", (string? file) => ReviewPage.Serve(file)).ExcludeFromDescription();
        return app;
    }
}

/// <summary>The adjuster review page: static files embedded in this assembly, no build step.</summary>
internal static class ReviewPage
{
    private static readonly Assembly Assembly = typeof(ReviewPage).Assembly;

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    public static IResult Serve(string? file)
    {
        var name = string.IsNullOrEmpty(file) ? "index.html" : file;
        if (name.Contains("..", StringComparison.Ordinal) || !Types.TryGetValue(Path.GetExtension(name), out var type))
            return Results.NotFound();
        var stream = Assembly.GetManifestResourceStream("ClaimVision.Api.wwwroot." + name.Replace('/', '.'));
        return stream is null ? Results.NotFound() : Results.Stream(stream, type);
    }
}
