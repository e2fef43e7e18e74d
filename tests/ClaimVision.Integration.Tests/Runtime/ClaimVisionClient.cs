using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClaimVision.Integration.Tests.Runtime;

/// <summary>The HTTP API as a client sees it.</summary>
internal sealed class ClaimVisionClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public static string ClaimJson(string claimId, string name = "张三", string idNumber = "110101199003070011") =>
        JsonSerializer.Serialize(new
        {
            claimId,
            policyId = "rural-2026",
            insured = new { name, idNumber },
            description = "住院",
        });

    public Task<HttpResponseMessage> SubmitAsync(string claimId, params (string Name, byte[] Bytes)[] files) =>
        SubmitRawAsync(ClaimJson(claimId), files);

    public async Task<HttpResponseMessage> SubmitRawAsync(string? claimJson, params (string Name, byte[] Bytes)[] files)
    {
        using var form = new MultipartFormDataContent();
        if (claimJson is not null)
        {
            var claim = new StringContent(claimJson, Encoding.UTF8, "application/json");
            form.Add(claim, "claim", "claim.json");
        }
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(part, "files", name);
        }
        return await http.PostAsync("/claims", form);
    }

    public async Task<JsonObject?> GetClaimAsync(string claimId)
    {
        using var response = await http.GetAsync($"/claims/{claimId}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Polls until every claim has a recommendation or the time is up; returns the claims as last seen.</summary>
    public async Task<Dictionary<string, JsonObject>> WaitForRecommendationsAsync(IReadOnlyCollection<string> claimIds, TimeSpan timeout)
    {
        var seen = new Dictionary<string, JsonObject>();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var id in claimIds.Where(id => !seen.TryGetValue(id, out var c) || c["recommendation"] is null))
            {
                try
                {
                    if (await GetClaimAsync(id) is { } claim) seen[id] = claim;
                }
                catch (HttpRequestException)
                {
                    // the API's stores may be down in a fault test; keep polling
                }
            }
            if (claimIds.All(id => seen.TryGetValue(id, out var c) && c["recommendation"] is not null) || DateTime.UtcNow > deadline)
                return seen;
            await Task.Delay(200);
        }
    }

    public void Dispose() => http.Dispose();
}
