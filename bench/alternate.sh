# Sourced by bench/ab.sh and bench/tf-java.sh: runs bench/Repeat on two class paths in turn, in fresh JVMs.
# alternate OUT ROUNDS BASE_CP HEAD_CP writes OUT/{base,head}-ROUND-SPE.json for steps_per_execution 1 and 32.
alternate() {
  local out="$1" rounds="$2" base_cp="$3" head_cp="$4" r spe
  for r in $(seq 1 "$rounds"); do
    for spe in 1 32; do
      java -cp "$base_cp" io.keras4j.bench.Repeat "$spe" "$out/base-$r-$spe.json" 2>/dev/null
      java -cp "$head_cp" io.keras4j.bench.Repeat "$spe" "$out/head-$r-$spe.json" 2>/dev/null
    done
  done
}
