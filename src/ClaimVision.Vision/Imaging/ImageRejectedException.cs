namespace ClaimVision.Vision.Imaging;

/// <summary>An input image the decoder refused. <see cref="Code"/> is one of <see cref="ImageRejectionCodes"/>;
/// the message says what was wrong, with which file, and why.</summary>
public sealed class ImageRejectedException(string code, string message) : Exception(message)
{
    /// <summary>Machine-readable reason (see <see cref="ImageRejectionCodes"/>).</summary>
    public string Code { get; } = code;
}

/// <summary>The codes an <see cref="ImageRejectedException"/> carries.</summary>
public static class ImageRejectionCodes
{
    public const string EmptyFile = "empty-file";
    public const string TooLarge = "too-large";
    public const string UnsupportedFormat = "unsupported-format";
    public const string TooManyPixels = "too-many-pixels";
    public const string TooManyPages = "too-many-pages";
    public const string CorruptImage = "corrupt-image";
}
