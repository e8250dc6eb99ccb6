/* Appended by hooks/kb.py to the lunr file of each language whose search index
   is stemmed (Spanish, French, Russian); it runs inside Material's search worker.
   Material turns every query term into a prefix query ("oficinas*"), and lunr
   runs no pipeline on wildcard terms, so an inflected query would never meet the
   stemmed index. This stems the prefix with the language's own stemmer first. */
(function (lunr, language) {
  var stemmer = lunr && lunr[language] && lunr[language].stemmer
  if (!stemmer) return
  var clause = lunr.Query.prototype.clause
  lunr.Query.prototype.clause = function (spec) {
    if (spec.usePipeline === false && /^[^*]+\*$/.test(spec.term)) {
      var stem = stemmer(new lunr.Token(spec.term.slice(0, -1), {})).toString()
      if (stem) spec.term = stem + "*"
    }
    return clause.call(this, spec)
  }
})(self.lunr, "LANGUAGE")
