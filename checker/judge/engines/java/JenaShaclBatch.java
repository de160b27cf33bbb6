// Jena's `shacl validate`, for many (shapes, data) pairs in one JVM: the W3C test suite and the
// benchmarks validate a hundred small graphs, and a JVM takes seconds to start.
// Run by checker/judge/engines/jena.py (jena_validate_many) with Java's source launcher:
//   java -cp CLASSPATH JenaShaclBatch.java PAIRS
// PAIRS holds one line a pair: shapes file, data file, report file (tab-separated). Each report
// is written as Turtle, as `shacl validate` writes it; an error goes to the report file + ".error".

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;

public class JenaShaclBatch {
    public static void main(String[] args) throws Exception {
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] files = line.split("\t");
            try (OutputStream out = Files.newOutputStream(Path.of(files[2]))) {
                Graph shapes = RDFDataMgr.loadGraph(files[0]);
                Graph data = RDFDataMgr.loadGraph(files[1]);
                ValidationReport report = ShaclValidator.get().validate(shapes, data);
                RDFDataMgr.write(out, report.getGraph(), Lang.TTL);
            } catch (Exception error) {
                Files.writeString(Path.of(files[2] + ".error"), error.toString());
            }
        }
    }
}
