using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("ClaimVision.Vision.Tests")]
[assembly: DisableRuntimeMarshalling]
