// firebreak-tracegen SPANS FILE [SEED]: writes a deterministic synthetic OTLP protobuf trace, the same one the
// benchmarks measure, so it can be opened in Firebreak (or Jaeger) to compare by eye.

#include "tracegenerator.h"

#include <QFile>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv)
{
    if (argc < 3 || argc > 4) {
        std::fprintf(stderr, "usage: firebreak-tracegen SPANS FILE [SEED]\n");
        return 2;
    }
    firebreak::tools::TraceShape shape;
    shape.spans = std::strtoll(argv[1], nullptr, 10);
    if (argc == 4)
        shape.seed = std::strtoull(argv[3], nullptr, 10);
    if (shape.spans <= 0) {
        std::fprintf(stderr, "firebreak-tracegen: SPANS must be a positive number\n");
        return 2;
    }
    QFile file(QString::fromLocal8Bit(argv[2]));
    const QByteArray bytes = firebreak::tools::generateTraceProtobuf(shape);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "firebreak-tracegen: cannot write %s: %s\n", argv[2], qPrintable(file.errorString()));
        return 1;
    }
    std::printf("%lld spans, %lld bytes -> %s\n", static_cast<long long>(shape.spans),
        static_cast<long long>(bytes.size()), argv[2]);
    return 0;
}
