using ClaimVision.Intelligence;

namespace ClaimVision.Pipeline.Processing;

/// <summary>
/// The single place where commands and hosts obtain the document analyzer (OCR → classify → extract).
/// The OCR-based analyzer (ClaimVision.Intelligence.DocumentAnalyzer) is built on another branch and is wired here
/// when it is merged; until then this build has no analyzer and says so.
/// </summary>
public static class DocumentAnalyzerFactory
{
    public static IDocumentAnalyzer Create() =>
        throw new NotSupportedException("This build has no document analyzer yet: ClaimVision.Intelligence.DocumentAnalyzer is wired into DocumentAnalyzerFactory.Create when the OCR work is merged.");
}
