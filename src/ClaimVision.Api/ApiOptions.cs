namespace ClaimVision.Api;

/// <summary>Upload limits (<c>ClaimVision:Api</c>): a phone photo is 2–6 MB, a claim rarely more than a dozen pages.</summary>
public sealed class ApiOptions
{
    public const string Section = "ClaimVision:Api";

    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
    public int MaxFiles { get; set; } = 30;
    public long MaxTotalBytes { get; set; } = 100 * 1024 * 1024;
    public int MaxClaimJsonBytes { get; set; } = 64 * 1024;
}
