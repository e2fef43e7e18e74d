using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("ClaimVision.Intelligence.Tests")]
[assembly: DisableRuntimeMarshalling]
