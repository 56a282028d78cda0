using System.Security.Cryptography;
using System.Text;

namespace TalksTracker.Domain.Provenance;

/// <summary>Recognises the same report text taken in twice.</summary>
public static class ReportFingerprint
{
    public static string Of(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
