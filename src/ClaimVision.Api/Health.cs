using System.Text.Json;
using ClaimVision.Pipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClaimVision.Api;

/// <summary>Readiness of the claim store.</summary>
internal sealed class ClaimStoreHealthCheck(IClaimStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await Probe.RunAsync(() => store.PingAsync(cancellationToken), "claim store");
}

/// <summary>Readiness of the blob store.</summary>
internal sealed class BlobStoreHealthCheck(IBlobStore blobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await Probe.RunAsync(() => blobs.PingAsync(cancellationToken), "blob store");
}

internal static class Probe
{
    public static async Task<HealthCheckResult> RunAsync(Func<Task<bool>> ping, string what)
    {
        try
        {
            return await ping() ? HealthCheckResult.Healthy($"{what} reachable") : HealthCheckResult.Unhealthy($"{what} unreachable");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{what} unreachable: {e.Message}");
        }
    }

    /// <summary>Writes each check's status, so an operator sees which dependency is down.</summary>
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: http.RequestAborted);
    }
}
