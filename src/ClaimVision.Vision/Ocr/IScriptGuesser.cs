using ClaimVision.Vision.Imaging;

namespace ClaimVision.Vision.Ocr;

/// <summary>
/// Guesses a page's script from the shape of its text (<see cref="ScriptFeatures"/>) before any reading, so that a page
/// that is clearly Chinese is read first in chi_sim instead of paying for a wasted eng reading. Implemented by a trained
/// model outside the vision layer (ClaimVision.Intelligence's <c>ScriptGuessModel</c>); a <see cref="VisionPipeline"/>
/// without one reads every automatic page first in <see cref="OcrOptions.DefaultLanguage"/>. Must be thread-safe.
/// </summary>
public interface IScriptGuesser
{
    /// <summary>Names the model (its card's version); part of the version of OCR results read with it.</summary>
    string Version { get; }

    /// <summary>The probability (0–1) that the page's text is Han (Chinese) rather than Latin; null when the page is unlike
    /// the pages the guesser knows, so that it cannot say.</summary>
    double? HanProbability(ScriptFeatures features);
}
