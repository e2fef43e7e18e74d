using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimVision.Domain.Documents;

/// <summary>An axis-aligned box on a page image, in pixels of the image as submitted
/// (after EXIF orientation, before our own rotation/deskew), serialised as <c>[x, y, w, h]</c>.</summary>
[JsonConverter(typeof(BoundingBoxJsonConverter))]
public readonly record struct BoundingBox(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;
    public int Bottom => Y + Height;

    public static BoundingBox Union(BoundingBox a, BoundingBox b)
    {
        var x = Math.Min(a.X, b.X);
        var y = Math.Min(a.Y, b.Y);
        return new BoundingBox(x, y, Math.Max(a.Right, b.Right) - x, Math.Max(a.Bottom, b.Bottom) - y);
    }

    public override string ToString() => $"[{X},{Y},{Width},{Height}]";
}

public sealed class BoundingBoxJsonConverter : JsonConverter<BoundingBox>
{
    public override BoundingBox Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("A box is an array [x, y, w, h].");
        Span<int> v = stackalloc int[4];
        for (var i = 0; i < 4; i++)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.Number)
                throw new JsonException("A box is an array of four integers [x, y, w, h].");
            v[i] = reader.GetInt32();
        }
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            throw new JsonException("A box has exactly four numbers [x, y, w, h].");
        return new BoundingBox(v[0], v[1], v[2], v[3]);
    }

    public override void Write(Utf8JsonWriter writer, BoundingBox value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.X);
        writer.WriteNumberValue(value.Y);
        writer.WriteNumberValue(value.Width);
        writer.WriteNumberValue(value.Height);
        writer.WriteEndArray();
    }
}
