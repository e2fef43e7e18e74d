using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("ClaimVision.Synthesis.Tests")]
[assembly: InternalsVisibleTo("ClaimVision.Intelligence.Tests")]
