using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

/// <summary>Reads the binary PGM fixtures (rendered with ImageMagick) into raw grey buffers, so the engine
/// can be tested through TessBaseAPISetImage without any image decoder.</summary>
internal static class Pgm
{
    public static GrayImage Load(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
        var pos = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[pos])) pos++;
            var start = pos;
            while (!char.IsWhiteSpace((char)bytes[pos])) pos++;
            return System.Text.Encoding.ASCII.GetString(bytes, start, pos - start);
        }
        if (Token() != "P5") throw new InvalidDataException($"{name} is not a binary PGM");
        var w = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var h = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        _ = Token();
        pos++;
        return new GrayImage(bytes[pos..(pos + w * h)], w, h);
    }
}
