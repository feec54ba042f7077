namespace Fathom.Data;

/// <summary>
/// Cuts a byte stream into <see cref="CsvChunk"/>s of about <c>blockSize</c> bytes, each ending after a
/// line feed that lies outside quotes. "Outside quotes" is decided by quote parity (an even number of
/// <c>"</c> since the chunk start), which is exact for RFC 4180 files; the parser reports quotes that break
/// the rule so the reader can fall back to one piece. Also skips a UTF-8 byte order mark.
/// </summary>
internal sealed class CsvChunkSource
{
    private readonly Stream _stream;
    private readonly int _blockSize;
    private byte[] _buffer;
    private int _filled;
    private bool _eof;
    private bool _first = true;
    private long _nextLine = 1;
    private int _index;

    public CsvChunkSource(Stream stream, int blockSize)
    {
        _stream = stream;
        _blockSize = blockSize;
        _buffer = new byte[blockSize];
    }

    /// <summary>The next chunk, or null at the end of the stream.</summary>
    public CsvChunk? Next()
    {
        while (true)
        {
            while (!_eof && _filled < _buffer.Length)
            {
                int r = _stream.Read(_buffer, _filled, _buffer.Length - _filled);
                if (r == 0) _eof = true;
                else _filled += r;
            }
            if (_filled == 0) return null;
            int cut = _eof ? _filled : FindCut(_buffer.AsSpan(0, _filled));
            if (cut < 0)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
                continue;
            }
            int start = 0;
            if (_first)
            {
                _first = false;
                if (_filled >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) start = 3;
            }
            int lines = _buffer.AsSpan(0, cut).Count((byte)'\n');
            var chunk = new CsvChunk(_index++, _buffer, start, cut, _nextLine, lines + 1);
            _nextLine += lines;
            int carry = _filled - cut;
            var next = new byte[Math.Max(_blockSize, 2 * carry)];
            _buffer.AsSpan(cut, carry).CopyTo(next);
            _buffer = next;
            _filled = carry;
            return chunk;
        }
    }

    /// <summary>One past the last line feed preceded by an even number of quotes, or −1.</summary>
    private static int FindCut(ReadOnlySpan<byte> data)
    {
        int quotes = data.Count((byte)'"');
        int end = data.Length;
        int after = 0;
        while (true)
        {
            int nl = data[..end].LastIndexOf((byte)'\n');
            if (nl < 0) return -1;
            if (quotes != 0) after += data[(nl + 1)..end].Count((byte)'"');
            if (((quotes - after) & 1) == 0) return nl + 1;
            end = nl;
        }
    }
}
