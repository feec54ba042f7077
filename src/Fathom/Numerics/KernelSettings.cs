using System.Runtime.Intrinsics;

namespace Fathom.Numerics;

/// <summary>
/// Internal switches that let tests force each kernel path. Thread-static, read once at the start of each
/// kernel call on the calling thread, so tests running in parallel do not disturb each other.
/// </summary>
internal static class KernelSettings
{
    [ThreadStatic] private static int _maxVectorBits;

    /// <summary>
    /// Widest SIMD path allowed on this thread: 512 (default, no limit), 256 or 0 (scalar). Internally the
    /// field's 0 means "never set" and −1 means scalar.
    /// </summary>
    public static int MaxVectorBits
    {
        get => _maxVectorBits == 0 ? 512 : _maxVectorBits < 0 ? 0 : _maxVectorBits;
        set => _maxVectorBits = value <= 0 ? -1 : value;
    }

    /// <summary>True forces the scalar path on this thread (same as MaxVectorBits = 0).</summary>
    public static bool ForceScalar
    {
        get => MaxVectorBits == 0;
        set => MaxVectorBits = value ? 0 : 512;
    }

    /// <summary>Restores the automatic choice on this thread.</summary>
    public static void Reset() => _maxVectorBits = 0;

    /// <summary>The path to use now: 512 if allowed and accelerated, else 256 if allowed and accelerated (with FMA), else 0.</summary>
    public static int ChoosePath()
    {
        int max = MaxVectorBits;
        if (max >= 512 && Vector512.IsHardwareAccelerated) return 512;
        if (max >= 256 && Vector256.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Fma.IsSupported) return 256;
        return 0;
    }
}
