using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimVision.Domain.Json;

/// <summary>Enums as kebab-case strings ("residual-after-basic-and-critical"); unknown names are errors.</summary>
public sealed class KebabCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
