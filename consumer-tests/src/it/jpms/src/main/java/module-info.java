/** A user's application as a named module: it needs incr's two modules and nothing else. */
module com.example.shapes {
  requires dev.incr;
  requires dev.incr.annotations;
}
